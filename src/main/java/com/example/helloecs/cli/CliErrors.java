package com.example.helloecs.cli;

import java.io.PrintWriter;

import com.example.helloecs.config.ConfigException;
import com.example.helloecs.local.LocalRunException;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

/**
 * Turns failures into one clear line on stderr and exit code {@link #ERROR}; nothing is printed on stdout then,
 * so no partial result is ever shown. Exit codes: 0 ok, 1 a gate failed ({@link #GATE_FAILED}), 2 any error.
 */
public final class CliErrors implements IExecutionExceptionHandler {
    public static final int GATE_FAILED = 1;
    public static final int ERROR = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        err.println(cmd.getColorScheme().errorText("error: " + message(e)));
        err.flush();
        return ERROR;
    }

    /** The one-line explanation of a failure, naming the fix where there is one. */
    static String message(Throwable e) {
        if (e instanceof UserError || e instanceof ConfigException || e instanceof LocalRunException) {
            return e.getMessage();
        }
        if (e instanceof RepositoryNotFoundException r) {
            return "repository not found: " + r.awsErrorDetails().errorMessage()
                    + " (check registry.repositoryName, --repository and --region)";
        }
        if (e instanceof AwsServiceException s) {
            return "AWS " + s.awsErrorDetails().serviceName() + " " + s.awsErrorDetails().errorCode() + ": "
                    + s.awsErrorDetails().errorMessage();
        }
        if (e instanceof SdkClientException) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("Unable to load region")) {
                return "no AWS region: pass --region, set `region` in the configuration (-c region=...) "
                        + "or set AWS_REGION";
            }
            if (m.contains("Unable to load credentials")) {
                return "no AWS credentials: set AWS_PROFILE (and run `aws sso login` if it uses SSO) "
                        + "or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY";
            }
            if (m.contains("Unable to execute HTTP request")) {
                return "cannot reach ECR: " + rootMessage(e);
            }
        }
        if (e instanceof SdkException && e.getCause() != null && e.getCause() != e
                && (e.getCause() instanceof SdkException || e.getCause() instanceof UserError)) {
            return message(e.getCause());
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
