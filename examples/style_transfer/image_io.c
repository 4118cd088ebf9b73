/*
 * image_io.c - PNG through libpng's simplified API, PPM by hand.
 */
#include "image_io.h"

#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int has_extension(const char *path, const char *ext) {
  size_t n = strlen(path), e = strlen(ext);
  return n > e && strcasecmp(path + n - e, ext) == 0;
}

/* Interleaved 8-bit RGB -> planar floats. */
static float *to_planes(const unsigned char *rgb, int32_t h, int32_t w) {
  size_t plane = (size_t)h * (size_t)w;
  float *out = malloc(3 * plane * sizeof *out);
  if (!out)
    return NULL;
  for (size_t i = 0; i < plane; ++i)
    for (int c = 0; c < 3; ++c)
      out[c * plane + i] = rgb[3 * i + c];
  return out;
}

static unsigned char to_byte(float v) {
  if (!(v > 0.0f)) /* negative, or NaN */
    return 0;
  return v >= 255.0f ? 255 : (unsigned char)v;
}

/* Reads a PPM header integer, skipping whitespace and # comments. */
static int ppm_int(FILE *f, long *value) {
  int ch = fgetc(f);
  for (;;) {
    while (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r')
      ch = fgetc(f);
    if (ch != '#')
      break;
    while (ch != '\n' && ch != EOF)
      ch = fgetc(f);
  }
  if (ch < '0' || ch > '9')
    return 1;
  long v = 0;
  while (ch >= '0' && ch <= '9' && v < 1000000) {
    v = v * 10 + (ch - '0');
    ch = fgetc(f);
  }
  *value = v;
  return 0; /* the one whitespace byte after the number is consumed */
}

static unsigned char *read_ppm(const char *path, int32_t *h, int32_t *w, char *error,
                               size_t size) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    snprintf(error, size, "%s: cannot open", path);
    return NULL;
  }
  char magic[2];
  long width, height, maxval;
  unsigned char *rgb = NULL;
  if (fread(magic, 1, 2, f) != 2 || magic[0] != 'P' || magic[1] != '6')
    snprintf(error, size, "%s: not a binary PPM (P6)", path);
  else if (ppm_int(f, &width) || ppm_int(f, &height) || ppm_int(f, &maxval))
    snprintf(error, size, "%s: malformed PPM header", path);
  else if (maxval != 255)
    snprintf(error, size, "%s: PPM maxval %ld is not 255 (8-bit)", path, maxval);
  else if (width < 1 || height < 1 || width > 65535 || height > 65535)
    snprintf(error, size, "%s: PPM size %ldx%ld is not in 1..65535", path, width, height);
  else if (!(rgb = malloc((size_t)width * (size_t)height * 3)))
    snprintf(error, size, "%s: out of memory", path);
  else if (fread(rgb, 1, (size_t)width * (size_t)height * 3, f) !=
           (size_t)width * (size_t)height * 3) {
    snprintf(error, size, "%s: file ends inside the pixels", path);
    free(rgb);
    rgb = NULL;
  } else {
    *h = (int32_t)height;
    *w = (int32_t)width;
  }
  fclose(f);
  return rgb;
}

static unsigned char *read_png(const char *path, int32_t *h, int32_t *w, char *error,
                               size_t size) {
  png_image image;
  memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file(&image, path)) {
    snprintf(error, size, "%s: %s", path, image.message);
    return NULL;
  }
  image.format = PNG_FORMAT_RGB; /* libpng converts grey, palette, alpha, 16-bit */
  unsigned char *rgb = malloc(PNG_IMAGE_SIZE(image));
  if (!rgb) {
    png_image_free(&image);
    snprintf(error, size, "%s: out of memory", path);
    return NULL;
  }
  if (!png_image_finish_read(&image, NULL, rgb, 0, NULL)) {
    snprintf(error, size, "%s: %s", path, image.message);
    free(rgb);
    return NULL;
  }
  *h = (int32_t)image.height;
  *w = (int32_t)image.width;
  return rgb;
}

int image_read(const char *path, image_t *out, char *error, size_t error_size) {
  int32_t h = 0, w = 0;
  unsigned char *rgb;
  if (has_extension(path, ".png"))
    rgb = read_png(path, &h, &w, error, error_size);
  else if (has_extension(path, ".ppm"))
    rgb = read_ppm(path, &h, &w, error, error_size);
  else {
    snprintf(error, error_size, "%s: unknown image type (expected .png or .ppm)", path);
    return 1;
  }
  if (!rgb)
    return 1;
  float *planes = to_planes(rgb, h, w);
  free(rgb);
  if (!planes) {
    snprintf(error, error_size, "%s: out of memory", path);
    return 1;
  }
  out->height = h;
  out->width = w;
  out->planes = planes;
  return 0;
}

int image_write(const char *path, const float *planes, int32_t h, int32_t w, char *error,
                size_t error_size) {
  int png = has_extension(path, ".png");
  if (!png && !has_extension(path, ".ppm")) {
    snprintf(error, error_size, "%s: unknown image type (expected .png or .ppm)", path);
    return 1;
  }
  size_t plane = (size_t)h * (size_t)w;
  unsigned char *rgb = malloc(3 * plane);
  size_t tmp_size = strlen(path) + 8;
  char *tmp = malloc(tmp_size);
  if (!rgb || !tmp) {
    free(rgb);
    free(tmp);
    snprintf(error, error_size, "%s: out of memory", path);
    return 1;
  }
  for (size_t i = 0; i < plane; ++i)
    for (int c = 0; c < 3; ++c)
      rgb[3 * i + c] = to_byte(planes[c * plane + i]);
  snprintf(tmp, tmp_size, "%s.tmp", path);
  int failed = 0;
  if (png) {
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    image.width = (png_uint_32)w;
    image.height = (png_uint_32)h;
    image.format = PNG_FORMAT_RGB;
    if (!png_image_write_to_file(&image, tmp, 0, rgb, 0, NULL)) {
      snprintf(error, error_size, "%s: %s", path, image.message);
      failed = 1;
    }
  } else {
    FILE *f = fopen(tmp, "wb");
    failed = !f || fprintf(f, "P6\n%d %d\n255\n", (int)w, (int)h) < 0 ||
             fwrite(rgb, 1, 3 * plane, f) != 3 * plane;
    if (f && fclose(f) != 0)
      failed = 1;
    if (failed)
      snprintf(error, error_size, "%s: cannot write", path);
  }
  if (!failed && rename(tmp, path) != 0) {
    snprintf(error, error_size, "%s: cannot rename %s into place", path, tmp);
    failed = 1;
  }
  if (failed)
    remove(tmp);
  free(rgb);
  free(tmp);
  return failed;
}
