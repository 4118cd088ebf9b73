// The knob table in docs/knobs.md is what the schema prints, and --help
// lists every knob from the same schema.
// RUN: normc --list-knobs=markdown > %t.table
// RUN: sed -n '/<!-- knobs:begin -->/,/<!-- knobs:end -->/p' %S/../../../docs/knobs.md | sed '1d;$d' > %t.docs
// RUN: diff %t.table %t.docs
// RUN: normc --list-knobs | FileCheck %s --check-prefix=TEXT
// RUN: normc --help | FileCheck %s --check-prefix=HELP
// RUN: not normc --list-knobs=yaml 2>&1 | FileCheck %s --check-prefix=BADFORMAT

// TEXT: vector_width=<an integer in 1..64> [all (CPU), default 8]: f32 lanes per vector
// TEXT: stats=<shifted_one_pass or two_pass> [norm, default two_pass]
// TEXT: conv_nhwc_x_columns=<an integer in 1..16> [conv (CPU), default 6]
// TEXT: gpu_threads=<an integer in 32..1024> [all (GPU), default 256]
// TEXT: gpu_stats_chunk=<0 (auto) or an integer in 1..1048576> [norm (GPU), default 0]
// TEXT: gpu_conv_k_tile=<an integer in 1..8> [conv (GPU), default 4]
// HELP: --list-knobs
// HELP: --schedule=<key=value,...>
// HELP: conv_k_tile=<an integer in 1..8> [conv (CPU), default 4]
// HELP: --tuning-db=<file>
// BADFORMAT: normc: error: unknown format 'yaml' in '--list-knobs=yaml' (expected text or markdown)
