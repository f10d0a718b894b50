package io.maildiag.ndr.parse;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The fields of one block of a delivery-status report, by lower-cased name, in the order first put
 * (as a LinkedHashMap iterates; replacing a value keeps its place). Two arrays searched in order: a
 * block has a handful of fields, so this is cheaper to fill and to ask than a hash map, and the
 * names asked for are mostly the very strings stored (shared constants), so most compares are one
 * reference test. A block with many fields (hostile input) gets a hash index, so time stays linear.
 * Null keys and values are not supported; removal is not supported.
 */
final class FieldMap extends AbstractMap<String, String> {
  /** Above this many fields the names are also indexed by hash. */
  private static final int LINEAR_MAX = 16;

  private String[] keys = new String[8];
  private String[] values = new String[8];
  private int size;
  /** Index of each name once there are more than {@link #LINEAR_MAX}; null before. */
  private HashMap<String, Integer> index;

  @Override
  public int size() {
    return size;
  }

  /** The position of {@code key}, or -1. */
  private int indexOf(Object key) {
    if (index != null) {
      Integer k = index.get(key);
      return k == null ? -1 : k;
    }
    for (int k = 0; k < size; k++) { // the shared constants first: one reference test each
      if (keys[k] == key) {
        return k;
      }
    }
    for (int k = 0; k < size; k++) {
      if (keys[k].equals(key)) {
        return k;
      }
    }
    return -1;
  }

  @Override
  public String get(Object key) {
    int k = indexOf(key);
    return k < 0 ? null : values[k];
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public String put(String key, String value) {
    int k = indexOf(key);
    if (k >= 0) {
      String before = values[k];
      values[k] = value;
      return before;
    }
    append(key, value);
    return null;
  }

  @Override
  public String putIfAbsent(String key, String value) {
    int k = indexOf(key);
    if (k >= 0) {
      return values[k];
    }
    append(key, value);
    return null;
  }

  /** Adds a field not present yet at the end. */
  private void append(String key, String value) {
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    keys[size] = key;
    values[size] = value;
    if (index != null) {
      index.put(key, size);
    } else if (size + 1 > LINEAR_MAX) {
      index = new HashMap<>();
      for (int k = 0; k <= size; k++) {
        index.put(keys[k], k);
      }
    }
    size++;
  }

  @Override
  public Set<Map.Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, String>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Map.Entry<String, String> next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            int k = next++;
            return new AbstractMap.SimpleImmutableEntry<>(keys[k], values[k]);
          }
        };
      }

      @Override
      public int size() {
        return size;
      }
    };
  }
}
