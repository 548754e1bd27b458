package io.finalspec.runtime.value;

/**
 * Fingerprint arithmetic. Scalars hash their content with a kind tag; sets and functions combine
 * their elements (or key/value pairs) by a commutative sum of well-mixed hashes, so a fingerprint
 * does not depend on the element order, hence not on the representation nor on {@link NameTable}
 * ranks.
 */
final class Fp {
    static final long BOOL = 0x6a09e667f3bcc908L;
    static final long INT = 0xbb67ae8584caa73bL;
    static final long STR = 0x3c6ef372fe94f82bL;
    static final long MODEL = 0xa54ff53a5f1d36f1L;
    static final long SET = 0x510e527fade682d1L;
    static final long FCN = 0x9b05688c2b3e6c1fL;
    static final long SEED = 0x1f83d9abfb41bd6bL;

    private Fp() {
    }

    /** SplitMix64's finalizer: a bijective, well-avalanching mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static long ofInt(int v) {
        return mix(INT + v);
    }

    static long ofString(long tag, String s) {
        long h = tag;
        for (int i = 0; i < s.length(); i++) {
            h = mix(h + s.charAt(i));
        }
        return mix(h + s.length());
    }

    static long pair(long key, long value) {
        return mix(mix(key + SEED) ^ (value * 0x9e3779b97f4a7c15L));
    }

    static long finishSet(long sum, int size) {
        return mix(SET ^ mix(sum + size));
    }

    static long finishFcn(long sum, int size) {
        return mix(FCN ^ mix(sum + size * 31L));
    }

    static long element(long fp) {
        return mix(fp + SEED);
    }
}
