/* SwiftPM needs a source file in a C target; the functions live in libhum (see Package.swift). */
#include "hum.h"
