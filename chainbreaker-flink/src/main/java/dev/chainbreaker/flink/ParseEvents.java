package dev.chainbreaker.flink;

import dev.chainbreaker.core.event.Event;
import dev.chainbreaker.core.event.EventBinary;
import dev.chainbreaker.core.event.EventCodec;
import dev.chainbreaker.core.event.EventException;
import dev.chainbreaker.core.event.PhoneNumbers;
import dev.chainbreaker.core.event.Sensitive;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The edge of the job: a CloudEvent JSON line becomes a validated event, its identifiers hashed
 * with the deployment secret ({@link Sensitive}), keyed by its phone. A line that breaks the contract
 * goes to the {@link #REJECTED} side output with the reason and where it came from, never into the
 * state, and never with its content: a rejected line may hold raw ID and card numbers, and the side
 * output is printed to the task managers' logs.
 */
public final class ParseEvents extends ProcessFunction<String, Envelope> {
  private static final long serialVersionUID = 1L;

  public static final OutputTag<String> REJECTED = new OutputTag<>("rejected") {
    private static final long serialVersionUID = 1L;
  };

  private final String region;
  private final byte[] secret;
  private transient EventCodec codec;
  private transient Counter rejected;

  public ParseEvents(String region, byte[] secret) {
    this.region = region;
    this.secret = secret.clone();
  }

  @Override
  public void open(OpenContext openContext) {
    codec = new EventCodec(new PhoneNumbers(region), new Sensitive(secret));
    rejected = getRuntimeContext().getMetricGroup().counter("eventsRejected");
  }

  private static final java.util.regex.Pattern SOURCE = java.util.regex.Pattern.compile("\"source\"\\s*:\\s*\"([^\"\\\\]{1,256})\"");
  private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([^\"\\\\]{1,256})\"");

  /**
   * What lets an operator find a rejected line at its sender without its content: the first
   * {@code source} and {@code id} in it, when there are any, and its length.
   */
  static String locator(String line) {
    java.util.regex.Matcher source = SOURCE.matcher(line);
    java.util.regex.Matcher id = ID.matcher(line);
    return "source=" + (source.find() ? source.group(1) : "?") + " id=" + (id.find() ? id.group(1) : "?")
        + " (" + line.length() + " characters)";
  }

  @Override
  public void processElement(String line, Context ctx, Collector<Envelope> out) {
    if (line.isBlank()) {
      return;
    }
    Event e;
    try {
      e = codec.parse(line);
    } catch (EventException | IllegalArgumentException ex) {
      rejected.inc();
      ctx.output(REJECTED, ex.getMessage() + "\t" + locator(line));
      return;
    }
    out.collect(new Envelope(PhoneNumbers.key(e.subject()), e.timeMs(), EventBinary.encode(e)));
  }
}
