/*
 * image_io.h - 8-bit RGB images in and out of the network's layout: PNG
 * (libpng) and binary PPM (P6, maxval 255), chosen by the file's extension
 * (.png, .ppm). Pixels become floats 0..255 in planar CHW order, as
 * fast_neural_style feeds them (ToTensor * 255).
 */
#ifndef NORMC_EXAMPLES_STYLE_TRANSFER_IMAGE_IO_H_
#define NORMC_EXAMPLES_STYLE_TRANSFER_IMAGE_IO_H_

#include <stddef.h>
#include <stdint.h>

typedef struct image_t {
  int32_t height, width;
  float *planes; /* 3 x height x width, owned (free()) */
} image_t;

/* Reads `path` into `*out` (written only on success); nonzero and a message
 * in `error` on failure. Grey and alpha PNGs are converted to RGB (alpha
 * dropped). */
int image_read(const char *path, image_t *out, char *error, size_t error_size);

/* Writes 3 x height x width floats `planes` to `path`: each value clamped to
 * 0..255 and truncated, as fast_neural_style's save_image does. Written to
 * a temporary file and renamed: on failure nothing is left at `path`. */
int image_write(const char *path, const float *planes, int32_t height, int32_t width,
                char *error, size_t error_size);

#endif /* NORMC_EXAMPLES_STYLE_TRANSFER_IMAGE_IO_H_ */
