package dev.socksgate.app.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The origin's side of one bulk stream: reads the header, then checksums the upload while it sends
 * the download, both at once; reports the upload's verdict to the stream. Closes at EOF.
 *
 * <p>Confined to its shard's reactor thread.
 */
final class BulkPeer implements Reactor.Handler {

  private final Reactor reactor;
  private final BulkRun run;
  private final SocketChannel channel;
  private final ByteBuffer header = ByteBuffer.allocate(BulkStream.HEADER);
  private final StreamChecksum up = new StreamChecksum();
  private @Nullable BulkStream stream; // set once, when the header names one of ours
  private int id = -1;
  private long downSent;

  BulkPeer(Reactor reactor, BulkRun run, SocketChannel channel) {
    this.reactor = reactor;
    this.run = run;
    this.channel = channel;
  }

  @Override
  public void onReady(SelectionKey key) throws IOException {
    BulkStream s = stream;
    if (key.isWritable() && s != null) {
      download(key);
    }
    if (key.isValid() && key.isReadable()) {
      if (s == null) {
        readHeader(key);
      } else {
        upload(s);
      }
    }
  }

  private void readHeader(SelectionKey key) throws IOException {
    if (channel.read(header) < 0) {
      channel.close();
      return;
    }
    if (header.hasRemaining()) {
      return;
    }
    header.flip();
    int magic = header.getInt();
    id = header.getInt();
    long length = header.getLong();
    Optional<BulkStream> s = run.stream(id);
    if (magic != BulkStream.MAGIC || s.isEmpty() || length != run.length()) {
      channel.close(); // not one of ours: the client sees EOF and reports it
      return;
    }
    stream = s.get();
    key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
  }

  private void upload(BulkStream s) throws IOException {
    ByteBuffer b = reactor.scratch();
    int n = channel.read(b);
    if (n < 0) {
      channel.close();
      return;
    }
    if (up.count() + n > run.length()) {
      s.uploadChecked(false);
      channel.close();
      return;
    }
    up.update(b.flip());
    if (up.count() == run.length()) {
      s.uploadChecked(up.matches(run.expectedUp(id), run.length()));
    }
  }

  private void download(SelectionKey key) throws IOException {
    long length = run.length();
    long seed = BulkRun.downSeed(id);
    while (downSent < length) {
      long n = run.payload().send(channel, seed, downSent, length - downSent);
      if (n == 0) {
        return; // the socket is full: wait for OP_WRITE
      }
      downSent += n;
    }
    key.interestOps(SelectionKey.OP_READ);
  }

  @Override
  public void onError(IOException e) {
    Reactor.closeQuietly(channel);
  }
}
