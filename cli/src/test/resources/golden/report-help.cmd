# exit 0
report --help
