import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { HostError } from "../../addin/host/host.types.js";
import { useI18n } from "../i18n/i18n.js";
import { hostErrorMessage } from "./error.messages.js";

/** Props of `HostErrorBar`. */
export interface HostErrorBarProps {
  error: HostError;
  /** Shown as a close button when given. */
  onDismiss?: () => void;
  /** Extra actions (a retry button…). */
  actions?: ReactNode;
}

/**
 * A host failure as a Fluent MessageBar: what happened, what to do, and Excel's detail. It is an
 * alert, so screen readers announce it when it appears.
 */
export function HostErrorBar({ error, onDismiss, actions }: HostErrorBarProps) {
  const i18n = useI18n();
  const message = hostErrorMessage(error, i18n);
  const intent = error.code === "gridExists" || error.code === "noGrid" ? "warning" : "error";
  return (
    <MessageBar intent={intent} layout="multiline" role="alert" data-error-code={error.code}>
      <MessageBarBody>
        <MessageBarTitle>{message.title}</MessageBarTitle>
        <Text block>{message.body}</Text>
        {message.detail && (
          <Text block size={200}>
            {i18n.t("app.detail", { detail: message.detail })}
          </Text>
        )}
      </MessageBarBody>
      {(onDismiss || actions) && (
        <MessageBarActions
          containerAction={
            onDismiss ? (
              <Button appearance="transparent" aria-label={i18n.t("app.dismiss")} icon={<span aria-hidden="true">✕</span>} onClick={onDismiss} />
            ) : undefined
          }
        >
          {actions}
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
