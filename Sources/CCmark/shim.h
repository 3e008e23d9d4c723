#ifndef LISTING_LINT_CCMARK_SHIM_H
#define LISTING_LINT_CCMARK_SHIM_H
#if !__has_include(<cmark.h>)
#error "cmark.h not found: run `apt-get install libcmark-dev`"
#endif
#include <cmark.h>
#endif
