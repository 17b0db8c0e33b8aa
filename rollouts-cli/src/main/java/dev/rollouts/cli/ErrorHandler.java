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
 * the API server said ({@link ClusterErrors#describe}); anything else is a bug and prints its
 * stack trace as well.
 */
public final class ErrorHandler implements IExecutionExceptionHandler {

  /** Exit code of a command that failed at run time. */
  public static final int FAILURE = 1;

  @Override
  public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
    var err = commandLine.getErr();
    if (e instanceof CommandFailure) {
      err.println("error: " + e.getMessage());
    } else if (e instanceof KubernetesClientException k) {
      err.println("error: " + ClusterErrors.describe(k, ""));
    } else {
      err.println("error: " + e);
      e.printStackTrace(err);
    }
    err.flush();
    return FAILURE;
  }
}
