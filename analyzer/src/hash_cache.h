/* File content hashes, remembered for the life of the process: a parse worker reads the same
 * headers for hundreds of units (git: 0.9 s of CPU hashing them again and again), and the
 * incremental cache compares them with the stored units' (cache.c). An entry is reused only
 * while the file's size, times and inode are those it was hashed with. */
#ifndef VC_HASH_CACHE_H
#define VC_HASH_CACHE_H

/* file_hash(path) (NULL when unreadable), owned by the cache. */
const char *hash_cache_get(const char *path);

#endif
