// ICU is only ever included here: its headers clash with Foundation's own ICU in Swift modules,
// and its versioned symbol names (uspoof_open_72) are macros Swift cannot see.
#include "CSpoof.h"
#include <pthread.h>
#include <unicode/uspoof.h>

static USpoofChecker *checker = NULL;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void open_checker(void) {
    UErrorCode status = U_ZERO_ERROR;
    USpoofChecker *candidate = uspoof_open(&status);
    if (U_SUCCESS(status)) {
        checker = candidate;
    }
}

int32_t listing_lint_skeleton(const char *input, int32_t length, char *output, int32_t capacity) {
    pthread_once(&once, open_checker);
    if (checker == NULL) {
        return -1;
    }
    UErrorCode status = U_ZERO_ERROR;
    int32_t needed = uspoof_getSkeletonUTF8(checker, 0, input, length, output, capacity, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        return -needed - 1;
    }
    if (U_FAILURE(status)) {
        return -1;
    }
    return needed;
}
