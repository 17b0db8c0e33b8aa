package dev.rollouts.notifications.template;

import java.util.Map;

/** A parsed Go template: its tree, the templates it defines, and the functions it may call. */
record GoTemplate(
    String name,
    String source,
    Node.ListNode root,
    Map<String, Node.ListNode> defined,
    Map<String, Function> functions)
    implements CompiledTemplate {

  @Override
  public String render(Map<String, ?> data) {
    return Executor.execute(this, data);
  }
}
