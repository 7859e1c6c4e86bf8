"""村级三强工作台: the village office's workbench for the "三强" programme."""

APP_NAME = "村级三强工作台"
APP_ID = "sanqiang-workbench"
__version__ = "0.1.0"
