// Starts `claimlint server` for Markdown, text, HTML and XML documents and shows its findings.
import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions } from "vscode-languageclient/node";

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const command = vscode.workspace.getConfiguration("claimlint").get<string>("path", "claimlint");
  const serverOptions: ServerOptions = { command, args: ["server"] };
  const clientOptions: LanguageClientOptions = {
    documentSelector: ["markdown", "plaintext", "html", "xml"].map((language) => ({
      scheme: "file",
      language,
    })),
    synchronize: {
      // The server reads claimlint.toml itself; watching it makes edits reach open documents.
      fileEvents: vscode.workspace.createFileSystemWatcher("**/claimlint.toml"),
    },
  };
  client = new LanguageClient("claimlint", "claimlint", serverOptions, clientOptions);
  context.subscriptions.push({ dispose: () => void client?.stop() });
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
