package dev.chainbreaker.core.rules;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.chainbreaker.core.Outcome;
import dev.chainbreaker.core.Risk;
import dev.chainbreaker.core.SubjectState;
import dev.chainbreaker.core.event.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a rule pack from YAML and type-checks every condition with CEL. Anything wrong is a
 * {@link RulePackException} naming the rule, the YAML line and the reason; a pack that loads can be
 * used as is. The format is documented in RULES.md.
 */
public final class RulePackLoader {
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");
  private static final Set<String> NAMED_MAPS = Set.of(Vars.SINCE, Vars.FIRED, Vars.COUNT);
  private static final int MAX_SIGNALS = 64;

  private static final CelCompiler COMPILER = compiler();
  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

  private static CelCompiler compiler() {
    CelCompilerBuilder b = CelCompilerFactory.standardCelCompilerBuilder()
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .setResultType(SimpleType.BOOL);
    Vars.ALL.forEach(b::addVar);
    return b.build();
  }

  private RulePackLoader(boolean interpretOnly) {
    this.interpretOnly = interpretOnly;
  }

  /** The pack that ships with ChainBreaker. */
  public static RulePack defaultPack() {
    try (InputStream in = RulePackLoader.class.getResourceAsStream("/dev/chainbreaker/core/rules/default-pack.yaml")) {
      if (in == null) {
        throw new IllegalStateException("default-pack.yaml missing from the classpath");
      }
      return load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static RulePack load(String yaml) {
    return load(yaml, false);
  }

  /**
   * Loads a pack; with {@code interpretOnly} every condition runs on the CEL interpreter instead of
   * the compiled fast path (for checking that the two agree).
   */
  public static RulePack load(String yaml, boolean interpretOnly) {
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setMaxAliasesForCollections(10);
      options.setAllowDuplicateKeys(false);
      options.setCodePointLimit(2 * 1024 * 1024);
      root = new Yaml(options).compose(new StringReader(yaml));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      throw new RulePackException(null, line, "not valid YAML: " + e.getProblem());
    } catch (YAMLException e) {
      throw new RulePackException(null, 0, "not valid YAML: " + e.getMessage());
    }
    if (!(root instanceof MappingNode top)) {
      throw new RulePackException(null, root == null ? 1 : line(root), "a rule pack is a YAML mapping with pack, version, signals and rules");
    }
    return new RulePackLoader(interpretOnly).read(top, yaml);
  }

  private final boolean interpretOnly;
  private final Map<String, Integer> signalNames = new LinkedHashMap<>();
  private final Map<String, Integer> counterNames = new LinkedHashMap<>();

  private RulePack read(MappingNode top, String yaml) {
    Map<String, Node> m = map(top, null, Set.of("pack", "version", "description", "settings", "signals", "sequences", "counters", "transitions", "rules"));
    String name = scalar(m, "pack", null, true);
    String version = scalar(m, "version", null, true);
    Settings settings = settings(m.get("settings"));

    // Signals first: every condition may name them.
    List<Node> signalNodes = list(m.get("signals"), null, "signals");
    List<Node> sequenceNodes = list(m.get("sequences"), null, "sequences");
    int index = 0;
    for (Node n : signalNodes) {
      String sname = scalar(map(n, null, null), "name", null, true);
      declare(signalNames, sname, index++, n);
    }
    for (Node n : sequenceNodes) {
      String sname = scalar(map(n, null, null), "name", null, true);
      declare(signalNames, sname, index++, n);
    }
    if (signalNames.size() > MAX_SIGNALS) {
      throw new RulePackException(null, line(top), "at most " + MAX_SIGNALS + " signals and sequences");
    }
    List<Node> counterNodes = list(m.get("counters"), null, "counters");
    int ci = 0;
    for (Node n : counterNodes) {
      declare(counterNames, scalar(map(n, null, null), "name", null, true), ci++, n);
    }

    List<Signal> signals = new ArrayList<>();
    for (Node n : signalNodes) {
      signals.add(signal(n, signals.size()));
    }
    List<Sequence> sequences = new ArrayList<>();
    for (Node n : sequenceNodes) {
      Sequence q = sequence(n, signals.size());
      sequences.add(q);
      signals.add(q.signal());
    }
    List<Counter> counters = new ArrayList<>();
    for (Node n : counterNodes) {
      counters.add(counter(n, counters.size()));
    }
    List<Transition> transitions = new ArrayList<>();
    for (Node n : list(m.get("transitions"), null, "transitions")) {
      transitions.add(transition(n));
    }
    List<Rule> rules = new ArrayList<>();
    Set<String> ruleNames = new HashSet<>();
    for (Node n : list(m.get("rules"), null, "rules")) {
      Rule r = rule(n);
      if (!ruleNames.add(r.name())) {
        throw new RulePackException(r.name(), line(n), "duplicate rule name");
      }
      rules.add(r);
    }
    if (rules.isEmpty()) {
      throw new RulePackException(null, line(top), "a pack needs at least one rule");
    }
    return new RulePack(name, version, yaml, settings, signals, sequences, counters, transitions, rules);
  }

  private void declare(Map<String, Integer> names, String name, int index, Node n) {
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new RulePackException(name, line(n), "names are lower_snake_case");
    }
    if (names.put(name, index) != null) {
      throw new RulePackException(name, line(n), "duplicate name");
    }
  }

  private Settings settings(Node n) {
    Settings d = Settings.defaults();
    if (n == null) {
      return d;
    }
    Map<String, Node> m = map(n, "settings", Set.of("indicatorWindow", "exposureWindow", "watchTtl", "compromisedTtl", "recoveringTtl"));
    return new Settings(
        duration(m, "indicatorWindow", "settings", d.indicatorWindowMs()),
        duration(m, "exposureWindow", "settings", d.exposureWindowMs()),
        duration(m, "watchTtl", "settings", d.watchTtlMs()),
        duration(m, "compromisedTtl", "settings", d.compromisedTtlMs()),
        duration(m, "recoveringTtl", "settings", d.recoveringTtlMs()));
  }

  private Signal signal(Node n, int index) {
    Map<String, Node> m = map(n, null, Set.of("name", "on", "when", "weight", "exposure", "protective", "ownerBack", "control", "label"));
    String name = scalar(m, "name", null, true);
    Set<EventType> on = types(m.get("on"), name, n);
    Condition when = condition(m.get("when"), name);
    int weight = integer(m, "weight", name, 0);
    if (weight < 0 || weight > 100) {
      throw new RulePackException(name, line(m.get("weight")), "weight must be 0 to 100");
    }
    return new Signal(index, name, on, when, weight, bool(m, "exposure", name), bool(m, "protective", name), bool(m, "ownerBack", name),
        bool(m, "control", name), text(m.get("label"), name, name, false));
  }

  private Sequence sequence(Node n, int index) {
    Map<String, Node> m = map(n, null, Set.of("name", "steps", "within", "weight", "exposure", "control", "label"));
    String name = scalar(m, "name", null, true);
    List<int[]> steps = new ArrayList<>();
    for (Node step : list(m.get("steps"), name, "steps")) {
      List<String> names = new ArrayList<>();
      if (step instanceof ScalarNode s) {
        names.add(s.getValue());
      } else {
        for (Node e : list(step, name, "steps")) {
          names.add(scalarValue(e, name));
        }
      }
      int[] ids = new int[names.size()];
      for (int i = 0; i < ids.length; i++) {
        Integer id = signalNames.get(names.get(i));
        if (id == null || id >= index && !names.get(i).equals(name)) {
          if (id == null) {
            throw new RulePackException(name, line(step), "step names unknown signal '" + names.get(i) + "'");
          }
        }
        if (names.get(i).equals(name)) {
          throw new RulePackException(name, line(step), "a sequence cannot be its own step");
        }
        ids[i] = id;
      }
      steps.add(ids);
    }
    if (steps.size() < 2) {
      throw new RulePackException(name, line(n), "a sequence needs at least two steps");
    }
    if (!m.containsKey("within")) {
      throw new RulePackException(name, line(n), "'within' is required (e.g. 2h)");
    }
    long within = duration(m, "within", name, 0);
    int weight = integer(m, "weight", name, 0);
    Signal derived = new Signal(index, name, Set.of(), Condition.TRUE, weight, bool(m, "exposure", name), false, false,
        bool(m, "control", name), text(m.get("label"), name, name, false));
    return new Sequence(name, List.copyOf(steps), within, derived);
  }

  private Counter counter(Node n, int index) {
    Map<String, Node> m = map(n, null, Set.of("name", "on", "when", "sum", "window"));
    String name = scalar(m, "name", null, true);
    String sum = scalar(m, "sum", name, false);
    if (sum != null && !sum.equals("amount")) {
      throw new RulePackException(name, line(m.get("sum")), "counters sum 'amount' or count events (leave 'sum' out)");
    }
    long window = duration(m, "window", name, Settings.hours(24));
    if (window < RulePack.COUNTER_BUCKETS) {
      throw new RulePackException(name, line(n), "window too short");
    }
    return new Counter(index, name, types(m.get("on"), name, n), condition(m.get("when"), name), sum != null, window);
  }

  private Transition transition(Node n) {
    Map<String, Node> m = map(n, null, Set.of("name", "to", "when", "reason"));
    String name = scalar(m, "name", null, true);
    SubjectState to = enumValue(SubjectState.class, scalar(m, "to", name, true), name, m.get("to"));
    if (!m.containsKey("when")) {
      throw new RulePackException(name, line(n), "'when' is required");
    }
    return new Transition(name, to, condition(m.get("when"), name), text(m.get("reason"), name, "state." + to.name().toLowerCase(Locale.ROOT), true));
  }

  private Rule rule(Node n) {
    Map<String, Node> m = map(n, null, Set.of("name", "on", "when", "decision", "risk", "score", "verification", "actions", "reason"));
    String name = scalar(m, "name", null, true);
    Set<EventType> on = types(m.get("on"), name, n);
    Outcome decision = enumValue(Outcome.class, scalar(m, "decision", name, true), name, m.get("decision"));
    Risk risk = enumValue(Risk.class, scalar(m, "risk", name, true), name, m.get("risk"));
    double score = number(m, "score", name, 0.5);
    if (score < 0 || score > 1) {
      throw new RulePackException(name, line(m.get("score")), "score must be between 0 and 1");
    }
    List<String> verification = strings(m.get("verification"), name);
    for (String v : verification) {
      if (!Set.of("in_person_id", "face", "service_password", "password", "id_number_and_contacts", "trusted_device", "sms_otp", "payment_password", "cvv").contains(v)) {
        throw new RulePackException(name, line(m.get("verification")), "unknown verification '" + v + "'");
      }
    }
    if (decision == Outcome.CHALLENGE && verification.isEmpty()) {
      throw new RulePackException(name, line(n), "a CHALLENGE must name the verification to require");
    }
    Text reason = text(m.get("reason"), name, name, true);
    Condition when = condition(m.get("when"), name);
    if (decision != Outcome.ALLOW && verification.contains(SMS_OTP) && m.containsKey("when")
        && onlyWhenLineMayBeTaken(checkedAst(m.get("when"), name).getExpr())) {
      // The engine drops sms_otp from any refusal or challenge on a line that is not NORMAL or was
      // exposed (Decider.judge): whoever holds the SIM would receive the code. A rule that can only
      // match there would be accepted and then silently lose its verification (a DENY requiring
      // nothing), so it is refused here, where the author sees it.
      throw new RulePackException(name, line(m.get("verification")),
          "'verification' names sms_otp, but the rule only matches when the line is not NORMAL or was exposed, "
              + "where an SMS code may reach someone else and is never asked for: require face or in_person_id instead");
    }
    return new Rule(name, on, when, decision, risk, score, verification, strings(m.get("actions"), name), reason);
  }

  // ---- may the line be in someone else's hands? -----------------------------------------------

  private static final String SMS_OTP = "sms_otp";

  /** Three-valued truth of a condition under an assumption: TRUE, FALSE or UNKNOWN (null). */
  private static Boolean and(Boolean a, Boolean b) {
    if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
      return Boolean.FALSE;
    }
    return a != null && b != null ? Boolean.TRUE : null;
  }

  private static Boolean or(Boolean a, Boolean b) {
    if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
      return Boolean.TRUE;
    }
    return a != null && b != null ? Boolean.FALSE : null;
  }

  /**
   * Whether a condition cannot hold on a NORMAL line with no exposure, i.e. whenever it holds the
   * engine strips sms_otp. Decided by evaluating it with {@code state == "NORMAL"} and
   * {@code exposed == false} and everything else unknown: only a provable FALSE counts, so a rule
   * that may also match on a NORMAL, unexposed line (where the code is still asked for) is kept.
   */
  static boolean onlyWhenLineMayBeTaken(CelExpr condition) {
    return Boolean.FALSE.equals(onNormalUnexposedLine(condition));
  }

  private static Boolean onNormalUnexposedLine(CelExpr e) {
    switch (e.getKind()) {
      case CONSTANT:
        return e.constant().getKind() == dev.cel.common.ast.CelConstant.Kind.BOOLEAN_VALUE ? e.constant().booleanValue() : null;
      case IDENT:
        return e.ident().name().equals(Var.EXPOSED.varName()) ? Boolean.FALSE : null;
      case CALL:
        break;
      default:
        return null;
    }
    if (e.call().target().isPresent()) {
      return null;
    }
    List<CelExpr> args = e.call().args();
    switch (e.call().function()) {
      case "_&&_":
        return and(onNormalUnexposedLine(args.get(0)), onNormalUnexposedLine(args.get(1)));
      case "_||_":
        return or(onNormalUnexposedLine(args.get(0)), onNormalUnexposedLine(args.get(1)));
      case "!_": {
        Boolean a = onNormalUnexposedLine(args.get(0));
        return a == null ? null : !a;
      }
      case "@not_strictly_false":
        return onNormalUnexposedLine(args.get(0));
      case "_?_:_": {
        Boolean p = onNormalUnexposedLine(args.get(0));
        Boolean a = onNormalUnexposedLine(args.get(1));
        Boolean b = onNormalUnexposedLine(args.get(2));
        if (p != null) {
          return p ? a : b;
        }
        return a != null && a.equals(b) ? a : null;
      }
      case "_==_":
      case "_!=_": {
        Boolean eq = equalsOnNormalUnexposedLine(args.get(0), args.get(1));
        if (eq == null) {
          eq = equalsOnNormalUnexposedLine(args.get(1), args.get(0));
        }
        return eq == null ? null : eq ^ e.call().function().equals("_!=_");
      }
      case "@in": {
        CelExpr item = args.get(0);
        CelExpr list = args.get(1);
        if (!isIdent(item, Var.STATE.varName()) || list.getKind() != CelExpr.ExprKind.Kind.LIST) {
          return null;
        }
        boolean normal = false;
        for (CelExpr el : list.list().elements()) {
          String v = stringConstant(el);
          if (v == null) {
            return null;
          }
          normal |= v.equals(SubjectState.NORMAL.name());
        }
        return normal;
      }
      default:
        return null;
    }
  }

  /** {@code state == "X"} or {@code exposed == b} with the variable on the left; null otherwise. */
  private static Boolean equalsOnNormalUnexposedLine(CelExpr variable, CelExpr value) {
    if (isIdent(variable, Var.STATE.varName())) {
      String v = stringConstant(value);
      return v == null ? null : v.equals(SubjectState.NORMAL.name());
    }
    if (isIdent(variable, Var.EXPOSED.varName()) && value.getKind() == CelExpr.ExprKind.Kind.CONSTANT
        && value.constant().getKind() == dev.cel.common.ast.CelConstant.Kind.BOOLEAN_VALUE) {
      return !value.constant().booleanValue();
    }
    return null;
  }

  private static boolean isIdent(CelExpr e, String name) {
    return e.getKind() == CelExpr.ExprKind.Kind.IDENT && e.ident().name().equals(name);
  }

  private static String stringConstant(CelExpr e) {
    return e.getKind() == CelExpr.ExprKind.Kind.CONSTANT && e.constant().getKind() == dev.cel.common.ast.CelConstant.Kind.STRING_VALUE
        ? e.constant().stringValue() : null;
  }

  // ---- conditions ------------------------------------------------------------------------------

  private Condition condition(Node n, String owner) {
    if (n == null) {
      return Condition.TRUE;
    }
    String expr = scalarValue(n, owner);
    CelAbstractSyntaxTree ast = checkedAst(n, owner);
    // in the order the condition reads them, so that evidence lists come out the same in every run
    Set<String> signals = new LinkedHashSet<>();
    Set<String> variables = new LinkedHashSet<>();
    for (CelNavigableExpr node : (Iterable<CelNavigableExpr>) CelNavigableAst.fromAst(ast).getRoot().allNodes()::iterator) {
      CelExpr e = node.expr();
      if (e.getKind() == CelExpr.ExprKind.Kind.IDENT) {
        variables.add(e.ident().name());
      }
      if (e.getKind() == CelExpr.ExprKind.Kind.SELECT) {
        CelExpr operand = e.select().operand();
        if (operand.getKind() == CelExpr.ExprKind.Kind.IDENT && NAMED_MAPS.contains(operand.ident().name())) {
          String map = operand.ident().name();
          String key = e.select().field();
          Map<String, Integer> names = map.equals(Vars.COUNT) ? counterNames : signalNames;
          if (!names.containsKey(key)) {
            throw new RulePackException(owner, line(n), "'" + map + "." + key + "' names no declared " + (map.equals(Vars.COUNT) ? "counter" : "signal or sequence"));
          }
          if (!map.equals(Vars.COUNT)) {
            signals.add(key);
          }
        }
      }
      if (e.getKind() == CelExpr.ExprKind.Kind.CALL && e.call().function().equals("_[_]")) {
        List<CelExpr> args = e.call().args();
        if (!args.isEmpty() && args.get(0).getKind() == CelExpr.ExprKind.Kind.IDENT && NAMED_MAPS.contains(args.get(0).ident().name())) {
          throw new RulePackException(owner, line(n), "write " + args.get(0).ident().name() + ".NAME, not an index: names are checked at load");
        }
      }
    }
    if (!interpretOnly) {
      CompiledCondition compiled = CompiledCondition.compile(ast, expr, signalNames, counterNames, signals, variables);
      if (compiled != null) {
        return compiled;
      }
    }
    try {
      return new CelCondition(RUNTIME.createProgram(ast), expr, signals, variables);
    } catch (CelEvaluationException e) {
      throw new RulePackException(owner, line(n), "condition cannot be planned: " + e.getMessage());
    }
  }

  /** The type-checked syntax tree of a condition, or the rule's error. */
  private static CelAbstractSyntaxTree checkedAst(Node n, String owner) {
    try {
      return COMPILER.compile(scalarValue(n, owner)).getAst();
    } catch (CelValidationException e) {
      throw new RulePackException(owner, line(n), "condition does not type-check: " + firstError(e));
    }
  }

  private static String firstError(CelValidationException e) {
    String msg = e.getErrors().isEmpty() ? e.getMessage() : e.getErrors().get(0).getMessage();
    return msg.replace("\n", " ");
  }

  // ---- YAML helpers ----------------------------------------------------------------------------

  private static int line(Node n) {
    return n == null ? 0 : n.getStartMark().getLine() + 1;
  }

  private static Map<String, Node> map(Node n, String owner, Set<String> allowed) {
    if (!(n instanceof MappingNode mn)) {
      throw new RulePackException(owner, line(n), "expected a mapping");
    }
    Map<String, Node> out = new LinkedHashMap<>();
    for (NodeTuple t : mn.getValue()) {
      String key = scalarValue(t.getKeyNode(), owner);
      if (allowed != null && !allowed.contains(key)) {
        String who = owner;
        if (who == null && t.getValueNode() != null) {
          Node nameNode = null;
          for (NodeTuple u : mn.getValue()) {
            if (u.getKeyNode() instanceof ScalarNode k && k.getValue().equals("name")) {
              nameNode = u.getValueNode();
            }
          }
          who = nameNode instanceof ScalarNode s ? s.getValue() : null;
        }
        throw new RulePackException(who, line(t.getKeyNode()), "unknown key '" + key + "' (expected one of " + allowed + ")");
      }
      out.put(key, t.getValueNode());
    }
    return out;
  }

  private static List<Node> list(Node n, String owner, String what) {
    if (n == null) {
      return List.of();
    }
    if (!(n instanceof SequenceNode sn)) {
      throw new RulePackException(owner, line(n), "'" + what + "' must be a list");
    }
    return sn.getValue();
  }

  private static String scalarValue(Node n, String owner) {
    if (!(n instanceof ScalarNode s)) {
      throw new RulePackException(owner, line(n), "expected a single value");
    }
    return s.getValue();
  }

  private static String scalar(Map<String, Node> m, String key, String owner, boolean required) {
    Node n = m.get(key);
    if (n == null) {
      if (required) {
        throw new RulePackException(owner, 0, "'" + key + "' is required");
      }
      return null;
    }
    String v = scalarValue(n, owner).strip();
    if (required && v.isEmpty()) {
      throw new RulePackException(owner, line(n), "'" + key + "' must not be empty");
    }
    return v;
  }

  private static boolean bool(Map<String, Node> m, String key, String owner) {
    String v = scalar(m, key, owner, false);
    if (v == null) {
      return false;
    }
    if (!v.equals("true") && !v.equals("false")) {
      throw new RulePackException(owner, line(m.get(key)), "'" + key + "' must be true or false");
    }
    return v.equals("true");
  }

  private static int integer(Map<String, Node> m, String key, String owner, int dflt) {
    String v = scalar(m, key, owner, false);
    if (v == null) {
      return dflt;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new RulePackException(owner, line(m.get(key)), "'" + key + "' must be an integer");
    }
  }

  private static double number(Map<String, Node> m, String key, String owner, double dflt) {
    String v = scalar(m, key, owner, false);
    if (v == null) {
      return dflt;
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new RulePackException(owner, line(m.get(key)), "'" + key + "' must be a number");
    }
  }

  private static long duration(Map<String, Node> m, String key, String owner, long dflt) {
    String v = scalar(m, key, owner, false);
    if (v == null) {
      return dflt;
    }
    Matcher x = DURATION.matcher(v);
    if (!x.matches()) {
      throw new RulePackException(owner, line(m.get(key)), "'" + key + "' must be a duration such as 90s, 30m, 24h or 7d");
    }
    long amount = Long.parseLong(x.group(1));
    long ms = switch (x.group(2)) {
      case "ms" -> amount;
      case "s" -> amount * 1000;
      case "m" -> amount * 60_000;
      case "h" -> amount * 3_600_000;
      default -> amount * 86_400_000;
    };
    if (ms <= 0) {
      throw new RulePackException(owner, line(m.get(key)), "'" + key + "' must be positive");
    }
    return ms;
  }

  private static Set<EventType> types(Node n, String owner, Node parent) {
    if (n == null) {
      throw new RulePackException(owner, line(parent), "'on' is required: the event types it applies to");
    }
    Set<EventType> out = EnumSet.noneOf(EventType.class);
    List<String> names = n instanceof ScalarNode s ? List.of(s.getValue()) : strings(n, owner);
    for (String t : names) {
      EventType type = EventType.fromWire(t);
      if (type == null) {
        throw new RulePackException(owner, line(n), "unknown event type '" + t + "'");
      }
      out.add(type);
    }
    return out;
  }

  private static List<String> strings(Node n, String owner) {
    List<String> out = new ArrayList<>();
    for (Node e : list(n, owner, "list")) {
      out.add(scalarValue(e, owner));
    }
    return List.copyOf(out);
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String v, String owner, Node n) {
    try {
      return Enum.valueOf(type, v);
    } catch (IllegalArgumentException e) {
      throw new RulePackException(owner, line(n), "'" + v + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }

  private static Text text(Node n, String owner, String dfltCode, boolean required) {
    if (n == null) {
      if (required) {
        throw new RulePackException(owner, 0, "'reason' is required: code, en and zh");
      }
      return new Text(dfltCode, dfltCode, dfltCode);
    }
    Map<String, Node> m = map(n, owner, Set.of("code", "en", "zh"));
    String code = scalar(m, "code", owner, false);
    return new Text(code == null ? dfltCode : code, scalar(m, "en", owner, true), scalar(m, "zh", owner, true));
  }
}
