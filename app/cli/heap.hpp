#pragma once
// How the serving process's heap behaves (glibc malloc).

namespace capdev::cli {

// Keeps memory a request freed for the next one: glibc would otherwise give
// every block over 128 KiB (a report's lines, a body) back to the kernel and
// take it again on the next report, and each fresh page then costs a page
// fault: measured on the bench programme, half the time of the summary over
// all years (bench/README.md). The price is that each thread's heap stays at
// its peak instead of shrinking after it: up to a big report's size for each
// report worker, and for the I/O and writer threads. Call once at start.
void KeepFreedMemoryForReuse();

}  // namespace capdev::cli
