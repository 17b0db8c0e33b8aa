package dev.rollouts.cli;

import io.fabric8.kubernetes.client.KubernetesClientException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception thrown by a command into one line on stderr and exit code 1: {@code error:
 * <message>}. Bad usage (unknown option, missing argument) is picocli's business and exits 2.
 *
 * <p>A {@link CommandFailure} prints its message; an API error that reached this far prints what
 * the API server said ({@link ClusterErrors#describe}); anything else is a bug: {@code rollouts
 * VERB: internal error, please report it: <exception>} and its stack trace.
 */
public final class ErrorHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(
      Exception e, CommandLine commandLine, ParseResult parseResult) {
    var err = commandLine.getErr();
    if (e instanceof CommandFailure) {
      err.println("error: " + e.getMessage());
    } else if (e instanceof KubernetesClientException k) {
      err.println("error: " + ClusterErrors.describe(k, ""));
    } else {
      err.println(
          commandLine.getCommandSpec().qualifiedName()
              + ": internal error, please report it: "
              + e);
      e.printStackTrace(err);
    }
    err.flush();
    return Rollouts.FAILURE;
  }
}
