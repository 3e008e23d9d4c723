#ifndef LISTING_LINT_CSPOOF_H
#define LISTING_LINT_CSPOOF_H
#include <stdint.h>

/// Writes the UTS #39 confusable skeleton of `input` (UTF-8, `length` bytes) into `output`.
/// Returns the skeleton's length in bytes, or -1 on error or when `capacity` is too small
/// (the caller then retries with a larger buffer: the needed size is returned negated minus one).
int32_t listing_lint_skeleton(const char *input, int32_t length, char *output, int32_t capacity);

#endif
