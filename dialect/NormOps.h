//===- NormOps.h - norm dialect operations ---------------------------------===//
#ifndef NORMC_DIALECT_NORMOPS_H_
#define NORMC_DIALECT_NORMOPS_H_

#include "dialect/NormDialect.h"
#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#define GET_OP_CLASSES
#include "dialect/NormOps.h.inc"

#endif // NORMC_DIALECT_NORMOPS_H_
