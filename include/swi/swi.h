/** @file
 * libswi - build, validate and write the quarterly CBS Statistiek Wet
 * Inburgering (SWI) delivery file.
 *
 * Include this one header. See README.md and doc/ for a guided tour; every
 * function documents its ownership, lifetime, thread-safety and errors in
 * the header that declares it.
 */
#ifndef SWI_SWI_H
#define SWI_SWI_H

#include <swi/common.h>
#include <swi/kenmerk.h>
#include <swi/codes.h>
#include <swi/delivery.h>
#include <swi/write.h>
#include <swi/validate.h>
#include <swi/mirror.h>
#include <swi/read.h>
#include <swi/diff.h>
#include <swi/generate.h>

#endif /* SWI_SWI_H */
