//===- NormDialect.h - norm dialect declaration ---------------------------===//
#ifndef NORMC_DIALECT_NORMDIALECT_H_
#define NORMC_DIALECT_NORMDIALECT_H_

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Dialect.h"

#include "dialect/NormDialect.h.inc"

#endif // NORMC_DIALECT_NORMDIALECT_H_
