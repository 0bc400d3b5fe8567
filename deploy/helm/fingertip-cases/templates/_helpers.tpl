{{- define "fingertip.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "fingertip.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 50 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "fingertip.labels" -}}
app.kubernetes.io/name: {{ include "fingertip.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "fingertip.selector" -}}
app.kubernetes.io/name: {{ include "fingertip.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "fingertip.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{- define "fingertip.temporalTls" -}}
{{- $t := .Values.config.temporal -}}
{{- if and $t.tls.secretName (or $t.tls.clientCert $t.tls.ca) -}}true{{- end -}}
{{- end -}}

{{/* Settings every process reads; secrets come separately (by reference). */}}
{{- define "fingertip.env" -}}
{{- $c := .Values.config -}}
- name: NODE_ENV
  value: {{ $c.nodeEnv | quote }}
- name: DB_HOST
  value: {{ $c.database.host | quote }}
- name: DB_PORT
  value: {{ $c.database.port | quote }}
- name: DB_NAME
  value: {{ $c.database.name | quote }}
- name: DB_USER
  value: {{ $c.database.user | quote }}
- name: TEMPORAL_ADDRESS
  value: {{ $c.temporal.address | quote }}
- name: TEMPORAL_NAMESPACE
  value: {{ $c.temporal.namespace | quote }}
- name: TEMPORAL_TASK_QUEUE
  value: {{ $c.temporal.taskQueue | quote }}
- name: TRUST_PROXY
  value: {{ $c.trustProxy | quote }}
# The ops listeners (metrics, the worker's probes) answer on the pod's address, not only on loopback.
- name: OPS_HOST
  value: "0.0.0.0"
- name: LOG_FORMAT
  value: "json"
{{- if $c.temporal.tls.enabled }}
- name: TEMPORAL_TLS
  value: "true"
{{- end }}
{{- if include "fingertip.temporalTls" . }}
{{- if $c.temporal.tls.clientCert }}
- name: TEMPORAL_TLS_CERT
  value: /etc/fingertip/temporal-tls/tls.crt
- name: TEMPORAL_TLS_KEY
  value: /etc/fingertip/temporal-tls/tls.key
{{- end }}
{{- if $c.temporal.tls.ca }}
- name: TEMPORAL_TLS_CA
  value: /etc/fingertip/temporal-tls/ca.crt
{{- end }}
{{- end }}
{{- if $c.temporal.tls.serverName }}
- name: TEMPORAL_TLS_SERVER_NAME
  value: {{ $c.temporal.tls.serverName | quote }}
{{- end }}
{{- if $c.temporal.apiKey.secretName }}
- name: TEMPORAL_API_KEY
  valueFrom:
    secretKeyRef:
      name: {{ $c.temporal.apiKey.secretName }}
      key: {{ $c.temporal.apiKey.secretKey }}
{{- end }}
{{- range $name, $value := $c.extraEnv }}
- name: {{ $name }}
  value: {{ $value | quote }}
{{- end }}
{{- end -}}

{{- define "fingertip.volumeMounts" -}}
- name: tmp
  mountPath: /tmp
{{- if include "fingertip.temporalTls" . }}
- name: temporal-tls
  mountPath: /etc/fingertip/temporal-tls
  readOnly: true
{{- end }}
{{- end -}}

{{- define "fingertip.volumes" -}}
- name: tmp
  emptyDir: { medium: Memory, sizeLimit: 64Mi }
{{- if include "fingertip.temporalTls" . }}
- name: temporal-tls
  secret:
    secretName: {{ .Values.config.temporal.tls.secretName }}
    defaultMode: 0440
{{- end }}
{{- end -}}

{{- define "fingertip.podSpecCommon" -}}
automountServiceAccountToken: false
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}
