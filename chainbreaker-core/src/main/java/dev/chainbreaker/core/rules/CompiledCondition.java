package dev.chainbreaker.core.rules;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A condition compiled from its type-checked CEL syntax tree into a tree of small Java nodes that
 * read the {@link RuleContext} directly: no variable map, no boxing on the hot comparisons. CEL
 * still parses and type-checks every condition; this only replaces the interpreter for the subset
 * rule packs use (logic, comparisons, {@code in}, constants, variables, {@code since/fired/count},
 * the {@code exists}/{@code all} macros, arithmetic, {@code size}). Anything else falls back to the
 * CEL runtime ({@link #compile} returns null). {@code CompiledConditionTest} checks both agree.
 */
final class CompiledCondition extends CheckedCondition {
  private final Node root;

  private CompiledCondition(Node root, String source, Set<String> signals, Set<String> variables) {
    super(source, signals, variables);
    this.root = root;
  }

  /** The compiled condition, or null when it uses something only the CEL runtime can evaluate. */
  static CompiledCondition compile(CelAbstractSyntaxTree ast, String source, Map<String, Integer> signalIndex,
      Map<String, Integer> counterIndex, Set<String> signals, Set<String> variables) {
    try {
      Node root = new Compiler(ast, signalIndex, counterIndex).node(ast.getExpr());
      return new CompiledCondition(root, source, signals, variables);
    } catch (Unsupported e) {
      return null;
    }
  }

  @Override
  public boolean test(RuleContext context) {
    try {
      return root.bool(context);
    } catch (ArithmeticException e) {
      return false; // CEL reports integer overflow as an error, and a condition in error does not hold
    }
  }

  private static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported() {
      super(null, null, false, false);
    }
  }

  // ---- nodes ---------------------------------------------------------------------------------

  private abstract static class Node {
    abstract Object obj(RuleContext c);

    boolean bool(RuleContext c) {
      return (Boolean) obj(c);
    }

    long i(RuleContext c) {
      return ((Number) obj(c)).longValue();
    }

    double d(RuleContext c) {
      return ((Number) obj(c)).doubleValue();
    }
  }

  private abstract static class BoolNode extends Node {
    @Override
    Object obj(RuleContext c) {
      return bool(c);
    }

    @Override
    abstract boolean bool(RuleContext c);
  }

  private abstract static class IntNode extends Node {
    @Override
    Object obj(RuleContext c) {
      return i(c);
    }

    @Override
    abstract long i(RuleContext c);

    @Override
    double d(RuleContext c) {
      return i(c);
    }
  }

  private abstract static class DoubleNode extends Node {
    @Override
    Object obj(RuleContext c) {
      return d(c);
    }

    @Override
    abstract double d(RuleContext c);
  }

  private static Node constant(Object value) {
    if (value instanceof Boolean b) {
      boolean v = b;
      return new BoolNode() {
        @Override
        boolean bool(RuleContext c) {
          return v;
        }
      };
    }
    if (value instanceof Long l) {
      long v = l;
      return new IntNode() {
        @Override
        long i(RuleContext c) {
          return v;
        }
      };
    }
    if (value instanceof Double dd) {
      double v = dd;
      return new DoubleNode() {
        @Override
        double d(RuleContext c) {
          return v;
        }
      };
    }
    return new Node() {
      @Override
      Object obj(RuleContext c) {
        return value;
      }
    };
  }

  /** A list literal of constants: membership is a hash look-up. */
  private static final class ConstList extends Node {
    final List<Object> values;
    final Set<Object> set;

    ConstList(List<Object> values) {
      this.values = List.copyOf(values);
      this.set = new HashSet<>(values);
    }

    @Override
    Object obj(RuleContext c) {
      return values;
    }
  }

  // ---- compiler ------------------------------------------------------------------------------

  private static final class Compiler {
    private final CelAbstractSyntaxTree ast;
    private final Map<String, Integer> signalIndex;
    private final Map<String, Integer> counterIndex;
    private final Map<String, Integer> locals = new HashMap<>();

    Compiler(CelAbstractSyntaxTree ast, Map<String, Integer> signalIndex, Map<String, Integer> counterIndex) {
      this.ast = ast;
      this.signalIndex = signalIndex;
      this.counterIndex = counterIndex;
    }

    private CelKind kind(CelExpr e) {
      return ast.getType(e.id()).map(t -> t.kind()).orElse(CelKind.DYN);
    }

    Node node(CelExpr e) {
      switch (e.getKind()) {
        case CONSTANT:
          return constantNode(e.constant());
        case IDENT:
          return ident(e.ident().name());
        case SELECT:
          return select(e);
        case LIST:
          return list(e);
        case CALL:
          return call(e);
        case COMPREHENSION:
          return comprehension(e);
        default:
          throw new Unsupported();
      }
    }

    private Node constantNode(CelConstant k) {
      return switch (k.getKind()) {
        case BOOLEAN_VALUE -> constant(k.booleanValue());
        case INT64_VALUE -> constant(k.int64Value());
        case DOUBLE_VALUE -> constant(k.doubleValue());
        case STRING_VALUE -> constant(k.stringValue());
        default -> throw new Unsupported();
      };
    }

    private Node ident(String name) {
      Integer slot = locals.get(name);
      if (slot != null) {
        int s = slot;
        return new Node() {
          @Override
          Object obj(RuleContext c) {
            return c.local(s);
          }
        };
      }
      Var v = Var.named(name);
      if (v == null) {
        throw new Unsupported();
      }
      return switch (v.celType().kind()) {
        case BOOL -> new BoolNode() {
          @Override
          boolean bool(RuleContext c) {
            return c.bool(v);
          }
        };
        case INT -> new IntNode() {
          @Override
          long i(RuleContext c) {
            return c.integer(v);
          }
        };
        case DOUBLE -> new DoubleNode() {
          @Override
          double d(RuleContext c) {
            return c.dbl(v);
          }
        };
        case STRING -> new Node() {
          @Override
          Object obj(RuleContext c) {
            return c.str(v);
          }
        };
        case LIST -> new Node() {
          @Override
          Object obj(RuleContext c) {
            return c.list(v);
          }
        };
        default -> throw new Unsupported();
      };
    }

    private Node select(CelExpr e) {
      CelExpr operand = e.select().operand();
      if (e.select().testOnly() || operand.getKind() != CelExpr.ExprKind.Kind.IDENT) {
        throw new Unsupported();
      }
      String field = e.select().field();
      switch (operand.ident().name()) {
        case Vars.SINCE: {
          int idx = index(signalIndex, field);
          return new IntNode() {
            @Override
            long i(RuleContext c) {
              return c.minutesSince(idx);
            }
          };
        }
        case Vars.FIRED: {
          int idx = index(signalIndex, field);
          return new BoolNode() {
            @Override
            boolean bool(RuleContext c) {
              return c.fired(idx);
            }
          };
        }
        case Vars.COUNT: {
          int idx = index(counterIndex, field);
          return new DoubleNode() {
            @Override
            double d(RuleContext c) {
              return c.count(idx);
            }
          };
        }
        default:
          throw new Unsupported();
      }
    }

    private static int index(Map<String, Integer> names, String field) {
      Integer i = names.get(field);
      if (i == null) {
        throw new Unsupported();
      }
      return i;
    }

    private Node list(CelExpr e) {
      List<Object> values = new ArrayList<>();
      List<Node> nodes = new ArrayList<>();
      boolean constant = true;
      for (CelExpr el : e.list().elements()) {
        if (el.getKind() == CelExpr.ExprKind.Kind.CONSTANT) {
          Object v = constantNode(el.constant()).obj(null);
          values.add(v);
          nodes.add(constant(v));
        } else {
          constant = false;
          nodes.add(node(el));
        }
      }
      if (constant) {
        return new ConstList(values);
      }
      return new Node() {
        @Override
        Object obj(RuleContext c) {
          List<Object> out = new ArrayList<>(nodes.size());
          for (Node n : nodes) {
            out.add(n.obj(c));
          }
          return out;
        }
      };
    }

    private Node call(CelExpr e) {
      String fn = e.call().function();
      List<CelExpr> args = e.call().args();
      if (e.call().target().isPresent()) {
        if (fn.equals("size") && args.isEmpty()) {
          return size(node(e.call().target().get()));
        }
        throw new Unsupported();
      }
      switch (fn) {
        case "_&&_": {
          Node a = node(args.get(0));
          Node b = node(args.get(1));
          return new BoolNode() {
            @Override
            boolean bool(RuleContext c) {
              return a.bool(c) && b.bool(c);
            }
          };
        }
        case "_||_": {
          Node a = node(args.get(0));
          Node b = node(args.get(1));
          return new BoolNode() {
            @Override
            boolean bool(RuleContext c) {
              return a.bool(c) || b.bool(c);
            }
          };
        }
        case "!_": {
          Node a = node(args.get(0));
          return new BoolNode() {
            @Override
            boolean bool(RuleContext c) {
              return !a.bool(c);
            }
          };
        }
        case "@not_strictly_false": {
          return node(args.get(0)); // our conditions never evaluate to an error
        }
        case "_?_:_": {
          Node p = node(args.get(0));
          Node a = node(args.get(1));
          Node b = node(args.get(2));
          return new Node() {
            @Override
            Object obj(RuleContext c) {
              return p.bool(c) ? a.obj(c) : b.obj(c);
            }
          };
        }
        case "_==_":
        case "_!=_":
          return equality(args.get(0), args.get(1), fn.equals("_!=_"));
        case "_<_":
        case "_<=_":
        case "_>_":
        case "_>=_":
          return comparison(fn, args.get(0), args.get(1));
        case "@in":
          return membership(args.get(0), args.get(1));
        case "_+_":
        case "_-_":
        case "_*_":
          return arithmetic(fn, e, args.get(0), args.get(1));
        case "size":
          if (args.size() == 1) {
            return size(node(args.get(0)));
          }
          throw new Unsupported();
        default:
          throw new Unsupported();
      }
    }

    private static Node size(Node target) {
      return new IntNode() {
        @Override
        long i(RuleContext c) {
          Object v = target.obj(c);
          if (v instanceof String s) {
            return s.codePointCount(0, s.length());
          }
          return ((List<?>) v).size();
        }
      };
    }

    private boolean numeric(CelExpr e) {
      CelKind k = kind(e);
      return k == CelKind.INT || k == CelKind.DOUBLE;
    }

    private Node equality(CelExpr left, CelExpr right, boolean negate) {
      Node a = node(left);
      Node b = node(right);
      if (numeric(left) && numeric(right)) {
        boolean ints = kind(left) == CelKind.INT && kind(right) == CelKind.INT;
        return new BoolNode() {
          @Override
          boolean bool(RuleContext c) {
            boolean eq = ints ? a.i(c) == b.i(c) : a.d(c) == b.d(c);
            return eq != negate;
          }
        };
      }
      if (kind(left) == CelKind.BOOL && kind(right) == CelKind.BOOL) {
        return new BoolNode() {
          @Override
          boolean bool(RuleContext c) {
            return (a.bool(c) == b.bool(c)) != negate;
          }
        };
      }
      if (kind(left) == CelKind.STRING && kind(right) == CelKind.STRING) {
        return new BoolNode() {
          @Override
          boolean bool(RuleContext c) {
            return a.obj(c).equals(b.obj(c)) != negate;
          }
        };
      }
      throw new Unsupported();
    }

    private Node comparison(String fn, CelExpr left, CelExpr right) {
      if (!numeric(left) || !numeric(right)) {
        throw new Unsupported();
      }
      Node a = node(left);
      Node b = node(right);
      boolean ints = kind(left) == CelKind.INT && kind(right) == CelKind.INT;
      int op = switch (fn) {
        case "_<_" -> 0;
        case "_<=_" -> 1;
        case "_>_" -> 2;
        default -> 3;
      };
      if (ints) {
        return new BoolNode() {
          @Override
          boolean bool(RuleContext c) {
            int cmp = Long.compare(a.i(c), b.i(c));
            return test(op, cmp);
          }
        };
      }
      return new BoolNode() {
        @Override
        boolean bool(RuleContext c) {
          int cmp = Double.compare(a.d(c), b.d(c));
          return test(op, cmp);
        }
      };
    }

    private static boolean test(int op, int cmp) {
      return switch (op) {
        case 0 -> cmp < 0;
        case 1 -> cmp <= 0;
        case 2 -> cmp > 0;
        default -> cmp >= 0;
      };
    }

    private Node membership(CelExpr element, CelExpr collection) {
      CelKind ek = kind(element);
      if (ek != CelKind.STRING && ek != CelKind.BOOL) {
        throw new Unsupported(); // numeric membership has cross-type rules: leave it to CEL
      }
      Node el = node(element);
      Node coll = node(collection);
      if (coll instanceof ConstList constList) {
        return new BoolNode() {
          @Override
          boolean bool(RuleContext c) {
            return constList.set.contains(el.obj(c));
          }
        };
      }
      if (kind(collection) != CelKind.LIST) {
        throw new Unsupported();
      }
      return new BoolNode() {
        @Override
        boolean bool(RuleContext c) {
          return ((List<?>) coll.obj(c)).contains(el.obj(c));
        }
      };
    }

    private Node arithmetic(String fn, CelExpr whole, CelExpr left, CelExpr right) {
      CelKind k = kind(whole);
      if (k != CelKind.INT && k != CelKind.DOUBLE) {
        throw new Unsupported();
      }
      Node a = node(left);
      Node b = node(right);
      if (k == CelKind.INT) {
        return new IntNode() {
          @Override
          long i(RuleContext c) {
            long x = a.i(c);
            long y = b.i(c);
            // Overflow throws, as CEL errs; test() turns it into "does not hold".
            return switch (fn) {
              case "_+_" -> Math.addExact(x, y);
              case "_-_" -> Math.subtractExact(x, y);
              default -> Math.multiplyExact(x, y);
            };
          }
        };
      }
      return new DoubleNode() {
        @Override
        double d(RuleContext c) {
          double x = a.d(c);
          double y = b.d(c);
          return switch (fn) {
            case "_+_" -> x + y;
            case "_-_" -> x - y;
            default -> x * y;
          };
        }
      };
    }

    private Node comprehension(CelExpr e) {
      CelExpr.CelComprehension q = e.comprehension();
      if (!q.iterVar2().isEmpty()) {
        throw new Unsupported();
      }
      Node range = node(q.iterRange());
      if (kind(q.iterRange()) != CelKind.LIST && !(range instanceof ConstList)) {
        throw new Unsupported();
      }
      int iter = locals.size();
      int accu = iter + 1;
      if (accu >= RuleContext.LOCALS) {
        throw new Unsupported();
      }
      Node init = node(q.accuInit());
      locals.put(q.iterVar(), iter);
      locals.put(q.accuVar(), accu);
      Node condition = node(q.loopCondition());
      Node step = node(q.loopStep());
      Node result = node(q.result());
      locals.remove(q.iterVar());
      locals.remove(q.accuVar());
      return new Node() {
        @Override
        Object obj(RuleContext c) {
          c.setLocal(accu, init.obj(c));
          for (Object item : (List<?>) range.obj(c)) {
            c.setLocal(iter, item);
            if (!condition.bool(c)) {
              break;
            }
            c.setLocal(accu, step.obj(c));
          }
          return result.obj(c);
        }
      };
    }
  }
}
