# cmake -DINPUT=<file.bc> -DOUTPUT=<file.cpp> -DSYMBOL=<name> -P EmbedBitcode.cmake
# Writes a C++ file that defines `const unsigned char SYMBOL[]` with the bytes
# of INPUT and `const size_t SYMBOL##Size`.
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
file(WRITE "${OUTPUT}"
  "// Generated from ${INPUT} by EmbedBitcode.cmake; do not edit.\n"
  "#include <cstddef>\n"
  "extern const unsigned char ${SYMBOL}[] = {${bytes}};\n"
  "extern const size_t ${SYMBOL}Size = ${size};\n")
