# exit 0
advance --help
