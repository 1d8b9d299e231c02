/*
 * Compiled once per public header, which the abi-header-* tests pass with
 * -include (twice, for the include guard): a header must compile on its
 * own, as C11 and as C++, with nothing included before it. This unit adds
 * nothing of its own but a declaration, so that it is never empty.
 */
typedef int swi_header_check_unit;
