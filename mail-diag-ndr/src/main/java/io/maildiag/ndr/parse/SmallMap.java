package io.maildiag.ndr.parse;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A map of a few strings in the order first put, in two arrays searched in order: the fields of one
 * block of a delivery-status report. Cheaper to fill and to ask than a LinkedHashMap for the dozen
 * entries a block has (keys are mostly shared constants, so most comparisons are identities), and
 * it iterates in the same order as a LinkedHashMap filled alike. Keys and values are never null;
 * entries are never removed.
 */
final class SmallMap extends AbstractMap<String, String> {
  private String[] keys = new String[8];
  private String[] values = new String[8];
  private int size;

  @Override
  public int size() {
    return size;
  }

  private int indexOf(Object key) {
    for (int k = 0; k < size; k++) {
      String x = keys[k];
      if (x == key || x.equals(key)) {
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
      String old = values[k];
      values[k] = value;
      return old;
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

  private void append(String key, String value) {
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    keys[size] = key;
    values[size] = value;
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
