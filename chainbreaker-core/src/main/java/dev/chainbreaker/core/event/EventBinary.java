package dev.chainbreaker.core.event;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of a validated event: what an event log keeps so that replaying it rebuilds the
 * same state. Sensitive identifiers are stored as their keyed hash and mask, exactly as the engine
 * holds them, so the log never contains a raw ID or card number.
 */
public final class EventBinary {
  private static final int VERSION = 1;

  private EventBinary() {}

  public static byte[] encode(Event e) {
    ByteSink bytes = ByteSink.scratch();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeUTF(e.id());
      out.writeUTF(e.source());
      out.writeByte(e.sourceKind().ordinal());
      out.writeByte(e.type().ordinal());
      out.writeLong(e.timeMs());
      out.writeInt(e.offsetSeconds());
      out.writeUTF(e.subject());
      EventData d = e.data();
      str(out, d.channel());
      str(out, d.verification());
      str(out, d.actor());
      prot(out, d.account());
      str(out, d.deviceId());
      str(out, d.deviceModel());
      out.writeByte(d.newDevice() == null ? 2 : d.newDevice() ? 1 : 0);
      out.writeDouble(d.amount());
      str(out, d.currency());
      prot(out, d.card());
      prot(out, d.idNumber());
      prot(out, d.disburseTo());
      str(out, d.category());
      str(out, d.counterparty());
      str(out, d.purpose());
      str(out, d.senderNumber());
      str(out, d.realNameVerification());
      list(out, d.fields());
      list(out, d.checks());
      out.writeBoolean(d.quickBind());
      str(out, d.cardType());
      str(out, d.kind());
      str(out, d.target());
      str(out, d.imei());
      str(out, d.previousImei());
      str(out, d.iccid());
      str(out, d.newPhone());
      str(out, d.to());
      str(out, d.sender());
      longStr(out, d.text());
      str(out, d.reason());
      str(out, d.reporter());
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return bytes.toByteArray();
  }

  public static Event decode(byte[] b) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b))) {
      int v = in.readByte();
      if (v != VERSION) {
        throw new IllegalArgumentException("unknown stored event version " + v);
      }
      String id = in.readUTF();
      String source = in.readUTF();
      SourceKind kind = SourceKind.values()[in.readByte()];
      EventType type = EventType.values()[in.readByte()];
      long time = in.readLong();
      int offset = in.readInt();
      String subject = in.readUTF();
      String channel = str(in);
      String verification = str(in);
      String actor = str(in);
      Protected account = prot(in);
      String deviceId = str(in);
      String deviceModel = str(in);
      int nd = in.readByte();
      Boolean newDevice = nd == 2 ? null : nd == 1;
      double amount = in.readDouble();
      String currency = str(in);
      Protected card = prot(in);
      Protected idNumber = prot(in);
      Protected disburseTo = prot(in);
      EventData d = new EventData(channel, verification, actor, account, deviceId, deviceModel, newDevice, amount, currency,
          card, idNumber, disburseTo, str(in), str(in), str(in), str(in), str(in), list(in), list(in), in.readBoolean(),
          str(in), str(in), str(in), str(in), str(in), str(in), str(in), str(in), str(in), longStr(in), str(in), str(in));
      return new Event(id, source, kind, type, time, offset, subject, d);
    } catch (IOException ex) {
      throw new IllegalArgumentException("corrupt stored event", ex);
    }
  }

  private static void str(DataOutputStream out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      out.writeUTF(s);
    }
  }

  private static String str(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }

  /** Message texts may exceed writeUTF's 64 KB limit in bytes. */
  private static void longStr(DataOutputStream out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      out.writeInt(b.length);
      out.write(b);
    }
  }

  private static String longStr(DataInputStream in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return new String(b, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void prot(DataOutputStream out, Protected p) throws IOException {
    out.writeBoolean(p != null);
    if (p != null) {
      out.writeLong(p.hash());
      out.writeUTF(p.masked());
    }
  }

  private static Protected prot(DataInputStream in) throws IOException {
    return in.readBoolean() ? new Protected(in.readLong(), in.readUTF()) : null;
  }

  private static void list(DataOutputStream out, List<String> l) throws IOException {
    out.writeShort(l.size());
    for (String s : l) {
      out.writeUTF(s);
    }
  }

  private static List<String> list(DataInputStream in) throws IOException {
    int n = in.readShort();
    List<String> l = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      l.add(in.readUTF());
    }
    return List.copyOf(l);
  }
}
