#ifndef LISTING_LINT_CPCRE2_SHIM_H
#define LISTING_LINT_CPCRE2_SHIM_H
#if !__has_include(<pcre2.h>)
#error "pcre2.h not found: run `apt-get install libpcre2-dev`"
#endif
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#endif
