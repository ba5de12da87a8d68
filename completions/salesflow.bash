# salesflow completion for bash, and for zsh through bashcompinit.
# Generated from salesflow's command model by dev.salesflow.cli.completion.CompletionScript: do not edit;
# 'salesflow completion' prints the copy matching the installed version.
#
#   bash:  source completions/salesflow.bash        (in ~/.bashrc, with the full path)
#   zsh:   autoload -U +X bashcompinit && bashcompinit && source completions/salesflow.bash
#
# Case ids come from the cases/ folder of the workspace (-w DIR, else the nearest folder upward
# holding salesflow.yaml), or, when its store: setting names another store, from salesflow;
# stages, event types, owners and sources are asked of salesflow itself ('salesflow __complete
# KIND'), so they follow the workspace's own process.

_salesflow_commands=(init register log advance edit reassign reopen approve attach show list overdue notify check migrate report calendar import export git-merge git-setup shell batch completion help)

# _salesflow_options COMMAND: the options COMMAND takes, one a line
_salesflow_options() {
  case "$1" in
    '') printf '%s\n' -w --workspace --store --now --format --lang -q --quiet --verbose --no-color -h --help -V --version ;;
    init) printf '%s\n' -h --help -V --version -w --workspace --store --now --lang -q --quiet --verbose --no-color ;;
    register) printf '%s\n' --company --industry --size --contact-name --contact-title --phone --email --source --priority --owner --need --at --id --dry-run -h --help -V --version -w --workspace --store --now --format --lang -q --quiet --verbose --no-color ;;
    log) printf '%s\n' --at --by --note --set --form --dry-run -h --help -V --version -w --workspace --store --now --format --lang -q --quiet --verbose --no-color ;;
    advance) printf '%s\n' --to --reason --at --by --dry-run -h --help -V --version -w --workspace --store --now --format --lang -q --quiet --verbose --no-color ;;
    edit) printf '%s\n' --reason --at --by --dry-run --set -h --help -V --version -w --workspace --store --now --format --lang -q --quiet --verbose --no-color ;;
    reassign) printf '%s\n' --reason --at --by --dry-run --to --allow-unknown -h --help -V --version -w --workspace --store --now --format --lang -q --quiet --verbose --no-color ;;
    reopen) printf '%s\n' --reason --at --by --dry-run -h --help -V --version -w --workspace --store --now --format --lang -q --quiet --verbose --no-color ;;
    approve) printf '%s\n' --role --amount --by --at --note --key --signature --payload-only -h --help -V --version -w --workspace --store --now --format --lang -q --quiet --verbose --no-color ;;
    attach) printf '%s\n' --as --at --by --note -h --help -V --version -w --workspace --store --now --format --lang -q --quiet --verbose --no-color ;;
    show) printf '%s\n' --form -h --help -V --version -w --workspace --store --now --format --lang -q --quiet --verbose --no-color ;;
    list) printf '%s\n' --stage --priority --owner --allow-unknown -h --help -V --version -w --workspace --store --now --format --lang -q --quiet --verbose --no-color ;;
    overdue) printf '%s\n' --due-within --owner --priority --allow-unknown --rule -h --help -V --version -w --workspace --store --now --format --lang -q --quiet --verbose --no-color ;;
    notify) printf '%s\n' --due-within --dry-run -h --help -V --version -w --workspace --store --now --format --lang -q --quiet --verbose --no-color ;;
    check) printf '%s\n' --sla --strict --changed-since --jobs -h --help -V --version -w --workspace --store --now --format --lang -q --quiet --verbose --no-color ;;
    migrate) printf '%s\n' --to --dry-run -h --help -V --version -w --workspace --store --now --lang -q --quiet --verbose --no-color ;;
    report) printf '%s\n' --from --to --owner --period-of --allow-unknown --table --by -h --help -V --version -w --workspace --store --now --format --lang -q --quiet --verbose --no-color ;;
    calendar) printf '%s\n' -h --help -V --version -w --workspace --store --now --format --lang -q --quiet --verbose --no-color ;;
    import) printf '%s\n' --map --map-value --default --charset --date-format --timezone --events --skip-invalid --dry-run -h --help -V --version -w --workspace --store --now --format --lang -q --quiet --verbose --no-color ;;
    export) printf '%s\n' --events --bom --form --occurrence -o --output -h --help -V --version -w --workspace --store --now --format --lang -q --quiet --verbose --no-color ;;
    git-merge) printf '%s\n' -h --help -V --version -w --workspace --store --now --lang -q --quiet --verbose --no-color ;;
    git-setup) printf '%s\n' -h --help -V --version -w --workspace --store --now --lang -q --quiet --verbose --no-color ;;
    shell) printf '%s\n' -h --help -V --version -w --workspace --store --now --format --lang -q --quiet --verbose --no-color ;;
    batch) printf '%s\n' --keep-going -h --help -V --version -w --workspace --store --now --format --lang -q --quiet --verbose --no-color ;;
    completion) printf '%s\n' -h --help -V --version -w --workspace --store --now --lang -q --quiet --verbose --no-color ;;
    help) printf '%s\n' -h --help -w --workspace --store --now --lang -q --quiet --verbose --no-color ;;
  esac
}

# _salesflow_option_kind COMMAND OPTION: the kind of value OPTION takes; fails for a flag
_salesflow_option_kind() {
  case "$1 $2" in
    "init --format"|"migrate --format"|"git-merge --format"|"git-setup --format"|"completion --format"|"help --format") echo 'none' ;;
    "register --format"|"log --format"|"advance --format"|"edit --format"|"reassign --format"|"reopen --format"|"approve --format"|"attach --format"|"notify --format"|"calendar --format"|"import --format"|"batch --format") echo 'fixed:text|json' ;;
    "show --format") echo 'fixed:text|json|yaml' ;;
    "list --format") echo 'fixed:text|json|csv|yaml' ;;
    "overdue --format") echo 'fixed:text|json|csv' ;;
    "check --format") echo 'fixed:text|json|junit|sarif|github' ;;
    "report --format") echo 'fixed:text|json|csv|md|html' ;;
    "export --format") echo 'fixed:csv' ;;
    *" -w"|*" --workspace") echo 'dir' ;;
    *" --store"|*" --now"|"register --company"|"register --industry"|"register --size"|"register --contact-name"|"register --contact-title"|"register --phone"|"register --email"|"register --owner"|"register --need"|"register --at"|"register --id"|"log --at"|"log --note"|"log --set"|"advance --reason"|"advance --at"|"edit --reason"|"edit --at"|"edit --set"|"reassign --reason"|"reassign --at"|"reopen --reason"|"reopen --at"|"approve --role"|"approve --amount"|"approve --by"|"approve --at"|"approve --note"|"attach --as"|"attach --at"|"attach --note"|"overdue --due-within"|"overdue --rule"|"notify --due-within"|"check --changed-since"|"check --jobs"|"migrate --to"|"report --from"|"report --to"|"report --table"|"import --map"|"import --map-value"|"import --default"|"import --charset"|"import --date-format"|"import --timezone"|"export --occurrence") echo 'none' ;;
    *" --format") echo 'fixed:text|json|csv|yaml|junit|sarif|github|md|html' ;;
    *" --lang") echo 'fixed:en|zh' ;;
    "register --source") echo 'source' ;;
    "register --priority"|"list --priority"|"overdue --priority") echo 'fixed:A|B|C' ;;
    "log --by"|"advance --by"|"edit --by"|"reassign --by"|"reassign --to"|"reopen --by"|"attach --by"|"list --owner"|"overdue --owner"|"report --owner") echo 'owner' ;;
    "log --form"|"approve --key"|"approve --signature"|"import --events"|"export -o"|"export --output") echo 'path' ;;
    "advance --to"|"list --stage") echo 'stage' ;;
    "show --form"|"export --form") echo 'event' ;;
    "check --sla") echo 'fixed:error|warn|off' ;;
    "report --period-of") echo 'period' ;;
    "report --by") echo 'fixed:stage|owner' ;;
    *) return 1 ;;
  esac
}

# _salesflow_positional_kind COMMAND N: the kind of the N-th positional word (from 0)
_salesflow_positional_kind() {
  local kind=none
  case "$1" in
    init) (($2 == 0)) && kind='dir' ;;
    log) (($2 == 0)) && kind='case'; (($2 == 1)) && kind='event' ;;
    advance) (($2 == 0)) && kind='case' ;;
    edit) (($2 == 0)) && kind='case' ;;
    reassign) (($2 == 0)) && kind='case' ;;
    reopen) (($2 == 0)) && kind='case' ;;
    approve) (($2 == 0)) && kind='case' ;;
    attach) (($2 == 0)) && kind='case'; (($2 == 1)) && kind='path' ;;
    show) (($2 == 0)) && kind='case' ;;
    check) (($2 >= 0)) && kind='path' ;;
    report) (($2 == 0)) && kind='fixed:funnel|sla|aging|owners|forecast|all' ;;
    calendar) (($2 == 0)) && kind='fixed:show|is-working-day|next-working-day'; (($2 == 1)) && kind='none' ;;
    import) (($2 == 0)) && kind='path' ;;
    export) (($2 == 0)) && kind='path' ;;
    git-merge) (($2 == 0)) && kind='path'; (($2 == 1)) && kind='path'; (($2 == 2)) && kind='path'; (($2 == 3)) && kind='none' ;;
    batch) (($2 == 0)) && kind='fixed:FILE|-' ;;
    help) (($2 == 0)) && kind='none' ;;
  esac
  echo "$kind"
}

# _salesflow_workspace [DIR]: DIR made absolute, else the nearest folder upward with salesflow.yaml
_salesflow_workspace() {
  local dir="$1"
  if [[ -n $dir ]]; then
    dir="${dir/#\~/$HOME}"
    [[ $dir == /* ]] || dir="$PWD/$dir"
    printf '%s\n' "$dir"
    return 0
  fi
  dir="$PWD"
  while [[ -n $dir ]]; do
    if [[ -f $dir/salesflow.yaml ]]; then
      printf '%s\n' "$dir"
      return 0
    fi
    dir="${dir%/*}"
  done
  [[ -f /salesflow.yaml ]] && printf '/\n'
  return 0
}

# _salesflow_values KIND [DIR] [WORD...]: the workspace's values of KIND, one a line
_salesflow_values() {
  local kind="$1" ws="$2" dir file prog
  shift 2
  if [[ $kind == case ]]; then
    dir="$(_salesflow_workspace "$ws")"
    [[ -n $dir ]] || return 0
    # a workspace whose store: setting names another folder or a database is asked below
    if ! grep -q '^store:' "$dir/salesflow.yaml" 2>/dev/null; then
      [[ -d $dir/cases ]] || return 0
      for file in "$dir"/cases/*.yaml; do
        [[ -e $file ]] || continue
        file="${file##*/}"
        printf '%s\n' "${file%.yaml}"
      done
      return 0
    fi
  fi
  prog="${_salesflow_program/#\~/$HOME}"
  if [[ -n $ws ]]; then
    "$prog" -w "$ws" __complete "$kind" "$@" 2>/dev/null </dev/null
  else
    "$prog" __complete "$kind" "$@" 2>/dev/null </dev/null
  fi
}

# _salesflow_reply KIND CUR [DIR] [WORD...]: adds the values of KIND starting with CUR to COMPREPLY
_salesflow_reply() {
  local kind="$1" cur="$2" ws="$3" line
  shift 3
  case "$kind" in
    none) return 0 ;;
    dir|path)
      type compopt >/dev/null 2>&1 && compopt -o filenames 2>/dev/null
      local flag=-f
      [[ $kind == dir ]] && flag=-d
      while IFS= read -r line; do
        COMPREPLY+=("$line")
      done < <(compgen "$flag" -- "$cur")
      return 0 ;;
    fixed:*) _salesflow_add "$cur" < <(printf '%s\n' "${kind#fixed:}" | tr '|' '\n') ;;
    *) _salesflow_add "$cur" < <(_salesflow_values "$kind" "$ws" "$@") ;;
  esac
  # bash replaces only the part of the word after its last ':' (reached:negotiation)
  if [[ $cur == *:* && $COMP_WORDBREAKS == *:* ]]; then
    local colon="${cur%"${cur##*:}"}" j
    for ((j = 0; j < ${#COMPREPLY[@]}; j++)); do
      COMPREPLY[j]="${COMPREPLY[j]#"$colon"}"
    done
  fi
}

# _salesflow_add CUR: adds the lines of standard input starting with CUR to COMPREPLY (taken as
# plain text: values read from case files are never expanded by the shell)
_salesflow_add() {
  local line quoted
  while IFS= read -r line; do
    if [[ -n $line && $line == "$1"* ]]; then
      if [[ $line == *[!A-Za-z0-9_.@%+:,/=-]* ]]; then
        printf -v quoted '%q' "$line"
        COMPREPLY+=("$quoted")
      else
        COMPREPLY+=("$line")
      fi
    fi
  done
}

_salesflow() {
  COMPREPLY=()
  local -a sf_words=() positionals=()
  local word cur cmd="" ws="" kind sf_cword=0 glue=0 i j
  _salesflow_program="${COMP_WORDS[0]}"
  # bash splits words at '=' and ':' (COMP_WORDBREAKS): join "--to" "=" "x" and "10" ":" "00" back
  for ((j = 0; j < ${#COMP_WORDS[@]}; j++)); do
    word="${COMP_WORDS[j]}"
    if ((j > 0)) && { [[ $word == [=:] ]] || ((glue)); }; then
      sf_words[${#sf_words[@]}-1]+="$word"
    else
      sf_words+=("$word")
    fi
    glue=0
    [[ $word == [=:] ]] && glue=1
    ((j == COMP_CWORD)) && sf_cword=$((${#sf_words[@]} - 1))
  done
  cur="${sf_words[sf_cword]}"
  for ((i = 1; i < sf_cword; i++)); do
    word="${sf_words[i]}"
    if [[ -z $cmd && ${#positionals[@]} -eq 0 && " ${_salesflow_commands[*]} " == *" $word "* ]]; then
      cmd="$word"
      continue
    fi
    if [[ $word == -?* ]]; then
      case "$word" in
        --workspace=*) ws="${word#*=}" ;;
        -w|--workspace) ws="${sf_words[i+1]}" ;;
      esac
      if [[ $word != *=* ]] && kind="$(_salesflow_option_kind "$cmd" "$word")"; then
        if ((i + 1 == sf_cword)); then
          _salesflow_reply "$kind" "$cur" "$ws" "${positionals[@]}"
          return 0
        fi
        ((i++))
      fi
      continue
    fi
    positionals+=("$word")
  done
  if [[ $cur == -* ]]; then
    if [[ $cur == *=* ]] && kind="$(_salesflow_option_kind "$cmd" "${cur%%=*}")"; then
      _salesflow_reply "$kind" "${cur#*=}" "$ws" "${positionals[@]}"
      if [[ ${COMP_WORDS[COMP_CWORD]} == -*=* ]]; then
        for ((j = 0; j < ${#COMPREPLY[@]}; j++)); do
          COMPREPLY[j]="${cur%%=*}=${COMPREPLY[j]}"
        done
      fi
    else
      _salesflow_add "$cur" < <(_salesflow_options "$cmd")
    fi
    return 0
  fi
  if [[ -z $cmd && ${#positionals[@]} -eq 0 ]]; then
    _salesflow_add "$cur" < <(printf '%s\n' "${_salesflow_commands[@]}")
    return 0
  fi
  [[ -n $cmd ]] || return 0
  kind="$(_salesflow_positional_kind "$cmd" "${#positionals[@]}")"
  _salesflow_reply "$kind" "$cur" "$ws" "${positionals[@]}"
  return 0
}

complete -F _salesflow salesflow
