# exit 1
-w {ws} --now 2026-11-26T18:00:00+08:00 overdue --format json
