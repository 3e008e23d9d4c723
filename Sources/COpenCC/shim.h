#ifndef LISTING_LINT_COPENCC_SHIM_H
#define LISTING_LINT_COPENCC_SHIM_H
#if !__has_include(<opencc/opencc.h>)
#error "opencc/opencc.h not found: run `apt-get install libopencc-dev`"
#endif
#include <opencc/opencc.h>
#endif
