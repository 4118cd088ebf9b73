// The op table in docs/onnx.md is what the importer's table prints; both
// tools list it, and normc's --help points at it.
// RUN: normc --list-onnx-ops=markdown > %t.table
// RUN: sed -n '/<!-- onnx-ops:begin -->/,/<!-- onnx-ops:end -->/p' %S/../../../docs/onnx.md | sed '1d;$d' > %t.docs
// RUN: diff %t.table %t.docs
// RUN: normc --list-onnx-ops | FileCheck %s --check-prefix=TEXT
// RUN: norm-translate --list-onnx-ops | FileCheck %s --check-prefix=TEXT
// RUN: normc --help | FileCheck %s --check-prefix=HELP
// RUN: not normc --list-onnx-ops=yaml 2>&1 | FileCheck %s --check-prefix=BADFORMAT

// TEXT: InstanceNormalization (versions 6): rank 3-5
// TEXT: ConvTranspose (versions 1, 11): 2-D, known weights
// TEXT: Resize (versions 10, 11, 13, 18, 19)
// HELP: An ONNX model (model.onnx) is imported first
// HELP: USAGE: normc [options] <input.mlir | model.onnx>
// HELP: --list-onnx-ops
// BADFORMAT: normc: error: unknown format 'yaml' in '--list-onnx-ops=yaml' (expected text or markdown)
