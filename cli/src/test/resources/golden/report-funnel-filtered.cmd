# exit 0
-w {ws} --now 2026-11-26T18:00:00+08:00 report funnel --from 2026-09-05 --to 2026-11-16 --owner wang.fang
