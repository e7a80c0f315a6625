#ifndef GONGKAI_SYSTEM_H
#define GONGKAI_SYSTEM_H

/// Atomically exchanges the entries at `first` and `second` (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0, or -1 with errno set (EINVAL or ENOSYS where the file system or kernel cannot).
int gongkai_rename_exchange(const char *first, const char *second);

/// Renames `from` to `to` unless `to` exists (renameat2 with RENAME_NOREPLACE).
/// Returns 0, or -1 with errno set (EEXIST when `to` exists).
int gongkai_rename_noreplace(const char *from, const char *to);

#endif
