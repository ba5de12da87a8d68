# exit 0
-w {ws} --now 2026-11-26T18:00:00+08:00 report sla --from 2026-11-01 --format md
