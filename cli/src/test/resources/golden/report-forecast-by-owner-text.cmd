# exit 0
-w {ws} --now 2026-11-26T18:00:00+08:00 report forecast --by owner
