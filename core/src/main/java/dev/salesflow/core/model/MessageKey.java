package dev.salesflow.core.model;

/**
 * The entries of the message catalog, each with its English text; {@code messages_zh.properties}
 * next to {@link Message} holds the Chinese text of every entry, by name. Placeholders are {@code
 * {0}}, {@code {1}} …; nothing else in a text is special (a quote is a quote).
 */
public enum MessageKey {
  /** Text not in the catalog, the same in every language. */
  LITERAL("{0}"),
  /** Two texts one after the other. */
  CONCAT("{0}{1}"),
  /** A finding of a case in a database: the case id, then the finding. */
  CASE_PREFIX("{0}: {1}"),
  /** A value of a case's row in a database that another program wrote and salesflow cannot read. */
  BAD_CASE_ROW("{0}: table cases, column {1}: {2}"),
  /** A value of an event's row in a database that another program wrote and salesflow cannot read. */
  BAD_EVENT_ROW("{0}: table events, row seq {1}, column {2}: {3}"),
  /** Between alternatives. */
  OR(" or "),
  /** A problem of one event of a case. */
  EVENT_FINDING("event #{0} ({1}): {2}"),
  /** An advance event, described. */
  ADVANCE_TO("advance to {0}"),
  /** Why a refused event's neighbours matter. */
  REPLAYED_IN_TIME_ORDER(" (events are replayed in time order: {0})"),
  /** An event written above the refused one but dated after it. */
  ABOVE_BUT_AFTER("event #{0} ({1} at {2}{3}) is above it in the file but happened after it"),
  /** An event written below the refused one but dated before it. */
  BELOW_BUT_BEFORE("event #{0} ({1} at {2}{3}) is below it in the file but happened before it"),
  /** SF203: recorded_at before at. */
  RECORDED_BEFORE_IT_HAPPENED("event #{0} ({1}) was recorded at {2}, before it happened (at {3})"),
  /** SF204. */
  EVENT_AFTER_NOW("event #{0} is at {1}, after now ({2})"),
  /** SF209. */
  ATTACHMENT_FINDING("event #{0} (attachment {1}): {2}"),
  /** SF208. */
  FORM_FINDING("event #{0} ({1}): '{2}' form: {3}"),
  /** SF205. */
  UNPAIRED_FINDING("event #{0} {1}"),
  /** SF301. */
  SLA_BREACHED("SLA {0} breached: due {1}, still open"),
  /** SF302. */
  SLA_MET_LATE("SLA {0} met late: due {1}, done {2}"),
  /** SF112. */
  DUPLICATE_ID("id '{0}' is also used by {1}"),
  /** SF114. */
  SYMLINK("is a symbolic link; salesflow never reads or writes case files through links, so the case store ignores it (put the file itself here)"),
  /** An event before the registration. */
  EARLIER_THAN_REGISTRATION("event at {0} is earlier than the registration at {1}"),
  /** An event after the case closed or was lost. */
  CASE_ENDED("the case is {0}: no further events are accepted{1}"),
  /** How a lost case comes back. */
  REOPEN_HINT(" (a case lost by mistake is taken back with 'reopen')"),
  /** An event type the stage does not allow. */
  NOT_ALLOWED_IN_STAGE("'{0}' cannot be recorded in stage {1} (allowed: {2})"),
  /** An opened event after others. */
  OPENED_NOT_FIRST("'opened' can only be the first event of a case (it starts an imported case in its stage)"),
  /** An opened lost case without a reason. */
  OPENING_LOST_NEEDS_REASON("opening a case as {0} needs a 'reason'"),
  /** Reopening a case that is not lost. */
  ONLY_LOST_REOPENED("only a {0} case can be reopened; this one is in stage {1}"),
  /** Reopening into another stage. */
  REOPEN_WRONG_STAGE("a lost case is reopened in the stage it was lost from, {0}, not {1}"),
  /** An advance to the current stage. */
  ALREADY_IN_STAGE("the case is already in stage {0}"),
  /** Rework or loss without a reason. */
  MOVE_NEEDS_REASON("moving from {0} to {1} needs a 'reason'"),
  /** An advance to a stage that cannot be reached. */
  CANNOT_MOVE("cannot move from {0} to {1} (allowed: {2})"),
  /** The previous stage, as an allowed move. */
  ALLOWED_REWORK("{0} (rework, with a reason)"),
  /** The lost stage, as an allowed move. */
  ALLOWED_WITH_REASON("{0} (with a reason)"),
  /** A registration guard. */
  REGISTRATION_FIELD_MISSING("registration field {0} is missing"),
  /** An event guard. */
  MISSING_EVENT("missing event '{0}'{1}{2}"),
  /** The events an event guard did not count. */
  EXCLUDED_EVENTS(" ({0})"),
  /** One event an event guard did not count. */
  EXCLUDED_EVENT("the one of {0} has {1} {2}"),
  /** A refused advance. */
  CANNOT_ADVANCE_TO("cannot advance to {0}"),
  /** A refused event. */
  CANNOT_RECORD("cannot record '{0}'"),
  /** A refused event with an incomplete form. */
  CANNOT_RECORD_FORMS("cannot record '{0}' (forms: required)"),
  /** A refused event recorded late. */
  REFUSED_AT("{0} at {1}"),
  /** An event recorded late that breaks a later one. */
  WOULD_MAKE_LATER_ILLEGAL("it would make the later event #{0} ({1} at {2}) illegal: {3}"),
  /** A case whose log is already illegal. */
  ALREADY_ILLEGAL("its event #{0} is already illegal ({1}); run 'salesflow check'"),
  /** An unknown case id. */
  NO_CASE("no case '{0}' in {1}"),
  /** How to get a workspace. */
  WORKSPACE_HINT(" (run 'salesflow init' to create a workspace, or pass --workspace DIR)"),
  /** A bug. */
  INTERNAL_ERROR("internal error: {0}"),
  /** Asking for a bug report. */
  REPORT_BUG("this is a bug in salesflow; please report it with {0}"),
  /** What to attach to a bug report, under --verbose. */
  REPORT_WITH_THIS("this output"),
  /** What to attach to a bug report. */
  REPORT_WITH_VERBOSE("the output of the same command run with --verbose"),
  /** A file or store that could not be read or written. */
  IO_ERROR("input/output error: {0}"),
  /** The summary of check. */
  CHECKED("Checked {0}: {1}, {2}{3}"),
  /** A count of files (not one). */
  FILES("{0} files"),
  /** One file. */
  ONE_FILE("1 file"),
  /** A count of errors (not one). */
  ERRORS("{0} errors"),
  /** One error. */
  ONE_ERROR("1 error"),
  /** A count of warnings (not one). */
  WARNINGS("{0} warnings"),
  /** One warning. */
  ONE_WARNING("1 warning"),
  /** How many cases an import opened. */
  OPENED_BY_IMPORT(" ({0} opened by import)"),
  /** A count of cases (not one). */
  CASES("{0} cases"),
  /** One case. */
  ONE_CASE("1 case"),
  /** A settings file's key that the file does not take. */
  UNKNOWN_FIELD("unknown field '{0}' (known: {1})"),
  /** A key of one part of a settings file that the part does not take: the key, the part, the known keys. */
  UNKNOWN_FIELD_IN("unknown field '{0}' in {1} (known: {2})"),
  /** A part of a settings file that must be a mapping. */
  MUST_BE_A_MAPPING("{0} must be a mapping, found {1}"),
  /** A settings value of the wrong kind: the field, what it must be, what it is. */
  MUST_BE("{0} must be {1}, got {2}"),
  /** What a number setting must be. */
  A_NUMBER("a number"),
  /** What a yes/no setting must be. */
  TRUE_OR_FALSE("true or false"),
  /** What a text setting must be. */
  A_SINGLE_VALUE("a single value"),
  /** What a list setting must be, or what was found. */
  A_LIST("a list"),
  /** What a mapping setting must be, or what was found. */
  A_MAPPING("a mapping"),
  /** A value that is neither text nor list nor mapping as expected. */
  ANOTHER_KIND("another kind of value"),
  /** A YAML string value, as found. */
  A_STRING("a string"),
  /** timezone: not a zone. */
  UNKNOWN_TIME_ZONE("unknown time zone '{0}' (use a region id such as Asia/Shanghai)"),
  /** approval_threshold below zero. */
  MUST_NOT_BE_NEGATIVE("{0} must not be negative"),
  /** id_prefix that cannot start an id. */
  BAD_ID_PREFIX("id_prefix '{0}' would make invalid case ids: {1}"),
  /** forms: neither required nor optional. */
  FORMS_REQUIRED_OR_OPTIONAL("forms must be required or optional, got {0}"),
  /** A settings or process file without content. */
  FILE_IS_EMPTY("the file is empty"),
  /** A usage error: an unknown subcommand. */
  UNKNOWN_COMMAND("unknown command '{0}'"),
  /** A usage error: an unknown option or an argument too many. */
  UNEXPECTED_ARGUMENT("unexpected argument '{0}'"),
  /** picocli's suggestions, after a usage error. */
  DID_YOU_MEAN("{0}; did you mean {1}?"),
  /** After every usage error. */
  TRY_HELP("Try '{0} --help' for more information."),
  /** No subcommand given. */
  MISSING_COMMAND("missing command (try 'salesflow --help')"),
  /** picocli: positional parameters missing (its English, word for word). */
  MISSING_PARAMETERS("Missing required parameters: {0}"),
  /** picocli: one positional parameter missing. */
  MISSING_PARAMETER("Missing required parameter: {0}"),
  /** picocli: an option given without its value. */
  MISSING_OPTION_VALUE("Missing required parameter for option '{0}' ({1})"),
  /** picocli: required options missing. */
  MISSING_OPTIONS("Missing required options: {0}"),
  /** picocli: one required option missing. */
  MISSING_OPTION("Missing required option: {0}"),
  /** picocli: a value an option does not take. */
  INVALID_OPTION_VALUE("Invalid value for option '{0}': {1}"),
  /** picocli: a value a positional parameter does not take. */
  INVALID_PARAMETER_VALUE("Invalid value for positional parameter at index {0} ({1}): {2}"),
  /** picocli: an enum value not among those accepted. */
  EXPECTED_ONE_OF("expected one of {0} (case-insensitive) but was '{1}'"),
  /** picocli: a value that is no number. */
  NOT_AN_INT("'{0}' is not an int"),
  /** picocli: an option where a value was expected. */
  EXPECTED_PARAMETER("Expected parameter for option '{0}' but found '{1}'"),
  /** picocli: an option given twice. */
  ONLY_ONCE("option '{0}' should be specified only once"),
  /** --lang not en or zh. */
  LANG_EN_OR_ZH("--lang must be en or zh, got '{0}'"),
  /** --format the command does not write. */
  FORMAT_NOT_SUPPORTED("--format {0} is not supported here (use {1})"),
  /** An approval guard unmet: signing event, amount field, amount, approval event, roles, tier, further conditions. */
  APPROVAL_NEEDED("'{0}' {1} {2} needs an event '{3}' by {4} (the tier from {5}) with {1} at least {2}{6} before it"),
  /** A floor-price guard unmet: signing event, amount field, amount, floor field, floor, checklist, approval event, roles. */
  BELOW_FLOOR_PRICE("'{0}' {1} {2} is below the {3} {4} of the '{5}': it needs an event '{6}' by {7} with {1} at most {2} before it"),
  /** An approval recorded that does not count: its type, time, by whom, why. */
  NOT_COUNTED("the '{0}' of {1}{2} does not count: {3}"),
  /** Who recorded an event, after its time. */
  BY_PERSON(" by {0}"),
  /** An approval without the amount it approves. */
  CARRIES_NO("carries no {0}"),
  /** An approval of less than the contract. */
  APPROVES_LESS("approves {0}, less than {1}"),
  /** A floor-price approval of more than the contract. */
  APPROVES_MORE("approves {0}, more than {1}"),
  /** A start event without its stop: start, match field, value, stop. */
  UNPAIRED("'{0}' {1}={2} has no '{3}'"),
  /** A form's list of items without one. */
  FORM_NEEDS_ITEM("needs at least one item ({0}.1.model, {0}.1.quantity)"),
  /** A gap in a form's item numbers: the missing item, the one after the gap. */
  FORM_ITEM_GAP("items are numbered from 1 without gaps: {0} is missing before {1}"),
  /** An item without its model or quantity: number, list, part. */
  FORM_ITEM_NEEDS("item {0} of '{1}' needs its {2}"),
  /** A required form field not filled in. */
  FORM_NEEDS_FIELD("needs '{0}'"),
  /** A problem of an event's form, refused by log: the event type, the problem, the code. */
  FORM_PROBLEM("'{0}' form: {1}{2}"),
  /** report --by with a report other than forecast. */
  BY_ONLY_FORECAST("--by {0} applies to report forecast only"),
  /** register at a terminal: a field not required but needed to leave lead. */
  PROMPT_TO_LEAVE_LEAD(" (needed to leave lead; empty to skip)"),
  /** A prompted value refused: ask again. */
  PROMPT_AGAIN("{0}; again, or leave it empty to skip");

  private final String english;

  MessageKey(String english) {
    this.english = english;
  }

  /**
   * The English text.
   *
   * @return the text with its placeholders
   */
  public String english() {
    return english;
  }
}
