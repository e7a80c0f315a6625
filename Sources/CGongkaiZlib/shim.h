// zlib (Debian zlib1g-dev), for the deflate stream of archives written while their content is produced.
#include <zlib.h>
