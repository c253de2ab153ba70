/*
 * compat.c (directory walking, file opening) does not build against wasi-libc, and
 * libmpg123 needs only this one function of it, for its file readers, which the feeder
 * used here never opens. Same body as compat.c's non-Windows one.
 */
#include <unistd.h>
#include "compat.h"

int compat_close(int fd) { return close(fd); }
