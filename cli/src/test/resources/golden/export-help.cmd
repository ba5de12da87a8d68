# exit 0
export --help
