package io.github.mqjssandbox.transpile;

import com.google.javascript.jscomp.AbstractCompiler;
import com.google.javascript.jscomp.CompilerPass;
import com.google.javascript.jscomp.NodeTraversal;
import com.google.javascript.jscomp.Var;
import com.google.javascript.rhino.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Closure pass that gives every catch parameter a name of its own. mquickjs binds a catch
 * variable in the enclosing function, not in the catch block, so two {@code catch (e)} in one
 * function, or a variable and a catch parameter of one name, are a syntax error there
 * ("catch variable already exists") though valid JavaScript. References are resolved through
 * the compiler's scopes, so a nested function's own {@code e} keeps its name.
 */
final class UniqueCatchNames implements CompilerPass {
    /** Not Closure's "$jscomp$" suffix: its last passes strip that one again wherever it can. */
    private static final String SUFFIX = "$catch";

    private final AbstractCompiler compiler;

    UniqueCatchNames(AbstractCompiler compiler) {
        this.compiler = compiler;
    }

    @Override
    public void process(Node externs, Node root) {
        Map<Node, String> newNames = new HashMap<>(); // the parameter's declaring name node -> its new name
        List<Node> references = new ArrayList<>();
        List<String> renamedTo = new ArrayList<>();
        NodeTraversal.traverse(compiler, root, new NodeTraversal.AbstractPostOrderCallback() {
            @Override
            public void visit(NodeTraversal t, Node n, Node parent) {
                if (!n.isName() || n.getString().isEmpty()) {
                    return;
                }
                Var declared = t.getScope().getVar(n.getString());
                if (declared == null || declared.getNameNode() == null || !isCatchParameter(declared.getNameNode())) {
                    return;
                }
                references.add(n);
                renamedTo.add(newNames.computeIfAbsent(declared.getNameNode(),
                        name -> name.getString() + SUFFIX + newNames.size()));
            }
        });
        // renamed after the traversal: its scopes are keyed by the names as they were
        for (int i = 0; i < references.size(); i++) {
            Node reference = references.get(i);
            reference.setString(renamedTo.get(i));
            reference.setOriginalName(renamedTo.get(i)); // whitespace-only output prints original names
            compiler.reportChangeToEnclosingScope(reference);
        }
    }

    /** True for the name a catch clause declares, destructured or not ({@code catch ({message})}). */
    private static boolean isCatchParameter(Node name) {
        Node child = name;
        for (Node parent = name.getParent(); parent != null; child = parent, parent = parent.getParent()) {
            if (parent.isCatch()) {
                return child == parent.getFirstChild();
            }
            if (parent.isBlock() || parent.isFunction() || parent.isScript() || parent.isVar() || parent.isLet()
                    || parent.isConst() || parent.isClass()) {
                return false;
            }
        }
        return false;
    }
}
