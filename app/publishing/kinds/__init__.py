"""One module per feature: it lists the sheets its records make, loads their data and registers its kinds.
Importing this package registers every kind made from records, in the order the `notices` command lists them
(the board's year is registered by `app.publishing.board`, which is made from the due list)."""

from app.publishing.kinds import (  # noqa: F401 (imported to register their kinds)
    positions,
    members,
    cadres,
    meetings,
    party_affairs,
    four_two,
    money,
    households,
    dibao,
    services,
    training,
    economy,
    compacts,
)
