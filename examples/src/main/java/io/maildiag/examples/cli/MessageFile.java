package io.maildiag.examples.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The bytes of one message file, or why they could not be read: how {@code ndr} and {@code headers}
 * read the files they are given, one by one or in a batch.
 *
 * <p>A regular file is read in one piece, as long as it was when it was opened (bytes appended
 * meanwhile are not read): open, its length, one read, close. A file that does not tell its length
 * (most files of {@code /proc}) or is longer than the limit is read as a stream, up to the limit.
 * The error never names the file: {@code no such file}, {@code permission denied}, {@code cannot
 * read: ...} when it cannot be opened, {@code read error: ...} when reading it fails.
 *
 * @param bytes the bytes read, or null if the file could not be read
 * @param error why it could not be read, or null
 */
record MessageFile(byte[] bytes, String error) {

  /** A file that could not be read, for {@code error}. */
  static MessageFile failed(String error) {
    return new MessageFile(null, error);
  }

  /**
   * Reads at most {@code limit} bytes of {@code file}; never throws for a file that cannot be read.
   *
   * @param limit the most bytes read, at least 1 (give the analyzer's limit and one, and it sees
   *     that the file was longer)
   */
  static MessageFile read(Path file, long limit) {
    int most = (int) Math.min(limit, Integer.MAX_VALUE - 8L);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      try {
        return new MessageFile(read(channel, most), null);
      } catch (IOException e) {
        return failed("read error: " + detail(e));
      }
    } catch (NoSuchFileException e) {
      return failed("no such file");
    } catch (AccessDeniedException e) {
      return failed("permission denied");
    } catch (FileSystemException e) {
      return failed("cannot read: " + (e.getReason() != null ? e.getReason() : e.getClass().getSimpleName()));
    } catch (IOException | SecurityException | UnsupportedOperationException e) {
      return failed("cannot read: " + detail(e));
    }
  }

  private static byte[] read(FileChannel channel, int most) throws IOException {
    long size = channel.size();
    if (size <= 0 || size > most) {
      return Channels.newInputStream(channel).readNBytes(most);
    }
    byte[] bytes = new byte[(int) size];
    ByteBuffer into = ByteBuffer.wrap(bytes);
    while (into.hasRemaining() && channel.read(into) > 0) {
      // a read ends early only at the end of the file (it shrank meanwhile)
    }
    return into.hasRemaining() ? Arrays.copyOf(bytes, into.position()) : bytes;
  }

  /** The message of an exception, or its class's name when it has none. */
  static String detail(Exception e) {
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
