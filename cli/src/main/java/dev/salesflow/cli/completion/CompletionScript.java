package dev.salesflow.cli.completion;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Range;

/**
 * Writes the bash completion script (zsh runs it through bashcompinit) from picocli's model of the
 * commands, with the same value kinds as the shell's completer. The build runs {@link #main} to put
 * it in the jar; {@code completions/salesflow.bash} is the checked-in copy a test compares with it.
 */
public final class CompletionScript {
  /** Where {@code salesflow completion} finds the script the build generated. */
  public static final String RESOURCE = "/dev/salesflow/cli/salesflow.bash";

  private CompletionScript() {}

  /** Writes the script to the file given as the only argument. */
  public static void main(String[] args) throws IOException {
    Path target = Path.of(args[0]);
    Files.createDirectories(target.toAbsolutePath().getParent());
    Files.writeString(target, generate(), StandardCharsets.UTF_8);
  }

  /** The script for the commands as they are now. */
  public static String generate() {
    return generate(CompletionModel.allCommands());
  }

  static String generate(CommandSpec root) {
    List<CommandSpec> commands = CompletionModel.visibleSubcommands(root);
    StringBuilder s = new StringBuilder();
    s.append(HEADER);
    s.append("_salesflow_commands=(").append(String.join(" ", commands.stream().map(CommandSpec::name).toList()))
        .append(")\n\n");

    s.append("# _salesflow_options COMMAND: the options COMMAND takes, one a line\n");
    s.append("_salesflow_options() {\n  case \"$1\" in\n");
    s.append(caseLine("", names(CompletionModel.options(root))));
    for (CommandSpec c : commands) {
      s.append(caseLine(c.name(), names(CompletionModel.options(c))));
    }
    s.append("  esac\n}\n\n");

    s.append("# _salesflow_option_kind COMMAND OPTION: the kind of value OPTION takes; fails for a flag\n");
    s.append("_salesflow_option_kind() {\n  case \"$1 $2\" in\n");
    // first the global options a command takes other values of (its own --format), so they win over the global line
    Map<String, List<String>> narrowed = new LinkedHashMap<>();
    for (CommandSpec c : commands) {
      for (OptionSpec o : c.options()) {
        OptionSpec global = root.findOption(o.longestName());
        if (o.inherited() && o.arity().max() > 0 && global != null && !kindWord(o).equals(kindWord(global))) {
          for (String name : o.names()) {
            narrowed.computeIfAbsent(kindWord(o), k -> new ArrayList<>()).add("\"" + c.name() + " " + name + "\"");
          }
        }
      }
    }
    Map<String, List<String>> byKind = new LinkedHashMap<>();
    for (OptionSpec o : CompletionModel.options(root)) {
      if (o.arity().max() > 0) {
        for (String name : o.names()) {
          byKind.computeIfAbsent(kindWord(o), k -> new ArrayList<>()).add((o.inherited() || isGlobal(o) ? "*\" " : "\" ") + name + "\"");
        }
      }
    }
    for (CommandSpec c : commands) {
      for (OptionSpec o : CompletionModel.options(c)) {
        if (o.arity().max() > 0 && !o.inherited()) {
          for (String name : o.names()) {
            byKind.computeIfAbsent(kindWord(o), k -> new ArrayList<>()).add("\"" + c.name() + " " + name + "\"");
          }
        }
      }
    }
    for (Map<String, List<String>> patternsByKind : List.of(narrowed, byKind)) {
      patternsByKind.forEach((kind, patterns) -> s.append("    ").append(String.join("|", patterns))
          .append(") echo '").append(kind).append("' ;;\n"));
    }
    s.append("    *) return 1 ;;\n  esac\n}\n\n");

    s.append("# _salesflow_positional_kind COMMAND N: the kind of the N-th positional word (from 0)\n");
    s.append("_salesflow_positional_kind() {\n  local kind=none\n  case \"$1\" in\n");
    for (CommandSpec c : commands) {
      List<String> tests = new ArrayList<>();
      for (PositionalParamSpec p : c.positionalParameters()) {
        if (!p.hidden()) {
          tests.add(indexTest(p.index()) + " && kind='" + kindWord(p) + "'");
        }
      }
      if (!tests.isEmpty()) {
        s.append("    ").append(c.name()).append(") ").append(String.join("; ", tests)).append(" ;;\n");
      }
    }
    s.append("  esac\n  echo \"$kind\"\n}\n\n");
    s.append(FUNCTIONS);
    return s.toString();
  }

  private static boolean isGlobal(OptionSpec o) {
    return o.scopeType() == CommandLine.ScopeType.INHERIT;
  }

  private static List<String> names(List<OptionSpec> options) {
    List<String> names = new ArrayList<>();
    options.forEach(o -> names.addAll(List.of(o.names())));
    return names;
  }

  private static String caseLine(String command, List<String> words) {
    return "    " + (command.isEmpty() ? "''" : command) + ") printf '%s\\n' " + String.join(" ", words) + " ;;\n";
  }

  private static String kindWord(ArgSpec arg) {
    ValueKind kind = ValueKind.of(arg);
    return kind == ValueKind.FIXED ? "fixed:" + String.join("|", ValueKind.fixedValues(arg)) : kind.word();
  }

  private static String indexTest(Range index) {
    if (index.isUnspecified() || index.max() == Integer.MAX_VALUE) {
      return "(($2 >= " + index.min() + "))";
    }
    return index.min() == index.max() ? "(($2 == " + index.min() + "))" : "(($2 >= " + index.min() + " && $2 <= " + index.max() + "))";
  }

  private static final String HEADER = """
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

      """;

  private static final String FUNCTIONS = """
      # _salesflow_workspace [DIR]: DIR made absolute, else the nearest folder upward with salesflow.yaml
      _salesflow_workspace() {
        local dir="$1"
        if [[ -n $dir ]]; then
          dir="${dir/#\\~/$HOME}"
          [[ $dir == /* ]] || dir="$PWD/$dir"
          printf '%s\\n' "$dir"
          return 0
        fi
        dir="$PWD"
        while [[ -n $dir ]]; do
          if [[ -f $dir/salesflow.yaml ]]; then
            printf '%s\\n' "$dir"
            return 0
          fi
          dir="${dir%/*}"
        done
        [[ -f /salesflow.yaml ]] && printf '/\\n'
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
              printf '%s\\n' "${file%.yaml}"
            done
            return 0
          fi
        fi
        prog="${_salesflow_program/#\\~/$HOME}"
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
          fixed:*) _salesflow_add "$cur" < <(printf '%s\\n' "${kind#fixed:}" | tr '|' '\\n') ;;
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
          _salesflow_add "$cur" < <(printf '%s\\n' "${_salesflow_commands[@]}")
          return 0
        fi
        [[ -n $cmd ]] || return 0
        kind="$(_salesflow_positional_kind "$cmd" "${#positionals[@]}")"
        _salesflow_reply "$kind" "$cur" "$ws" "${positionals[@]}"
        return 0
      }

      complete -F _salesflow salesflow
      """;
}
