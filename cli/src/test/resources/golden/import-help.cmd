# exit 0
import --help
