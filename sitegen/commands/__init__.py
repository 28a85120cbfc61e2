"""On top of the stages: the command line, the preview server and the new-period scaffold."""
