package dev.chainbreaker.screen.text;

import java.util.Arrays;

/** A string builder that remembers, for each unit it holds, the original span it stands for. */
final class MappedBuilder implements CharSequence {

  private final StringBuilder sb;
  private int[] start;
  private int[] end;

  MappedBuilder(int capacity) {
    int c = Math.max(16, capacity);
    sb = new StringBuilder(c);
    start = new int[c];
    end = new int[c];
  }

  void append(char c, int from, int to) {
    int n = sb.length();
    if (n == start.length) {
      start = Arrays.copyOf(start, n * 2);
      end = Arrays.copyOf(end, n * 2);
    }
    sb.append(c);
    start[n] = from;
    end[n] = to;
  }

  void append(CharSequence s, int from, int to) {
    for (int i = 0; i < s.length(); i++) {
      append(s.charAt(i), from, to);
    }
  }

  @Override
  public int length() {
    return sb.length();
  }

  @Override
  public char charAt(int i) {
    return sb.charAt(i);
  }

  @Override
  public CharSequence subSequence(int from, int to) {
    return sb.subSequence(from, to);
  }

  @Override
  public String toString() {
    return sb.toString();
  }

  int startAt(int i) {
    return start[i];
  }

  int endAt(int i) {
    return end[i];
  }

  String string() {
    return sb.toString();
  }

  int[] starts() {
    return Arrays.copyOf(start, sb.length());
  }

  int[] ends() {
    return Arrays.copyOf(end, sb.length());
  }
}
