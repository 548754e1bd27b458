package io.finalspec.toolkit.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Mutates a valid input into a nearby invalid (or still valid) one. The mutation is a pure function
 * of the input and a list of ints drawn by QuickTheories, so a failing case shrinks and replays
 * from its seed. Insertions come from a per-format dictionary of meaningful fragments, plus bytes
 * that are not UTF-8, so mutants reach past the tokenizer.
 */
final class Mutator {

    private final List<byte[]> seeds;
    private final List<byte[]> dictionary;

    Mutator(List<String> seeds, List<String> dictionary) {
        this.seeds = seeds.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        this.dictionary = new java.util.ArrayList<>(dictionary.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList());
        this.dictionary.add(new byte[] {(byte) 0xFF});
        this.dictionary.add(new byte[] {(byte) 0xC3});
        this.dictionary.add(new byte[] {0});
    }

    /** The first op picks the seed; each further op is one edit. */
    byte[] mutate(List<Integer> ops) {
        byte[] cur = seeds.get(Math.floorMod(ops.get(0), seeds.size()));
        for (int i = 1; i < ops.size(); i++) {
            cur = edit(cur, ops.get(i));
        }
        return cur;
    }

    private byte[] edit(byte[] in, int op) {
        int kind = op & 7;
        int arg = op >>> 3;
        int pos = in.length == 0 ? 0 : arg % (in.length + 1);
        int len = 1 + (arg >>> 10) % 16;
        return switch (kind) {
            case 0 -> splice(in, pos, Math.min(in.length, pos + 1), new byte[0]);
            case 1, 2 -> splice(in, pos, pos, dictionary.get((arg >>> 14) % dictionary.size()));
            case 3 -> splice(in, pos, Math.min(in.length, pos + 1), new byte[] {(byte) (arg >>> 12)});
            case 4 -> splice(in, pos, pos, slice(in, pos, Math.min(in.length, pos + len)));
            case 5 -> slice(in, 0, pos);
            case 6 -> splice(in, pos, pos, "[[[[[[[[{\"a\":".repeat(1 + len).getBytes(StandardCharsets.UTF_8));
            default -> splice(in, pos, Math.min(in.length, pos + len), new byte[0]);
        };
    }

    private static byte[] slice(byte[] in, int from, int to) {
        return java.util.Arrays.copyOfRange(in, from, Math.max(from, to));
    }

    private static byte[] splice(byte[] in, int from, int to, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + insert.length);
        out.write(in, 0, from);
        out.write(insert, 0, insert.length);
        out.write(in, to, in.length - to);
        return out.toByteArray();
    }
}
