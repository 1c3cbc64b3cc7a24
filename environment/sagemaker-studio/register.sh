#!/usr/bin/env bash
# Registers the Kit's JupyterLab image with a SageMaker Studio domain (run from any folder, with AWS credentials
# allowed to use ECR and SageMaker):
#   environment/sagemaker-studio/register.sh --domain-id d-xxxxxxxx --role-arn arn:aws:iam::123456789012:role/Studio \
#       [--region eu-west-1] [--image-uri URI | --build] [--dry-run]
# --build builds and pushes the image to ECR (repository kit-studio) first; otherwise --image-uri names a pushed image.
# Then: create-image (once), create-image-version (every run: a new version of the same image), create- or
# update-app-image-config (app-image-config.json beside this script), and update-domain, which makes the image a
# custom image of every user's JupyterLab. update-domain replaces the domain's list of custom JupyterLab images with
# this one: add any others you use to custom_images below. --dry-run prints the AWS calls instead of making them.
# The alternative, for Studio's default image:
#   environment/sagemaker-studio/register.sh --domain-id d-xxxxxxxx --lifecycle https://…/kit.git [--region r] [--dry-run]
# registers lifecycle-config.sh (with that Git URL of the Kit written in) as a JupyterLab lifecycle configuration
# and makes it the domain's default: every JupyterLab space then sets the Kit up when it starts.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
image_name=kit-studio
config_file="$here/app-image-config.json"
domain_id="" role_arn="" repository="" image_uri="" region="${AWS_REGION:-${AWS_DEFAULT_REGION:-}}" build=0 dry_run=0
while [ $# -gt 0 ]; do
  case "$1" in
    --domain-id) domain_id="${2:?--domain-id needs a value}"; shift ;;
    --role-arn) role_arn="${2:?--role-arn needs a value}"; shift ;;
    --image-uri) image_uri="${2:?--image-uri needs a value}"; shift ;;
    --region) region="${2:?--region needs a value}"; shift ;;
    --lifecycle) repository="${2:?--lifecycle needs the Git URL to clone the Kit from}"; shift ;;
    --build) build=1 ;;
    --dry-run) dry_run=1 ;;
    *) echo "register: unknown option '$1'" >&2; exit 2 ;;
  esac
  shift
done
[ -n "$domain_id" ] || { echo "register: --domain-id is required (aws sagemaker list-domains shows it)" >&2; exit 2; }
[ -n "$region" ] || { echo "register: --region is required (or set AWS_REGION)" >&2; exit 2; }
if [ -z "$repository" ]; then
  [ -n "$role_arn" ] || { echo "register: --role-arn is required (an IAM role SageMaker can assume to pull the image)" >&2; exit 2; }
  [ "$build" = 1 ] || [ -n "$image_uri" ] || { echo "register: give --image-uri of a pushed image, or --build" >&2; exit 2; }
fi
config_name=$(sed -n 's/.*"AppImageConfigName": *"\([^"]*\)".*/\1/p' "$config_file")

# Every AWS call goes through here: printed under --dry-run, made otherwise.
aws_call() {
  if [ "$dry_run" = 1 ]; then echo "aws $*"; else aws --region "$region" "$@"; fi
}
# True when the resource exists; under --dry-run nothing does.
aws_exists() {
  [ "$dry_run" = 0 ] && aws --region "$region" "$@" > /dev/null 2>&1
}

if [ -n "$repository" ]; then
  content=$(sed "s|@KIT_REPOSITORY@|$repository|" "$here/lifecycle-config.sh" | base64 -w 0)
  create=(sagemaker create-studio-lifecycle-config --studio-lifecycle-config-name kit-setup
    --studio-lifecycle-config-app-type JupyterLab --studio-lifecycle-config-content "$content")
  if [ "$dry_run" = 1 ]; then
    aws_call "${create[@]}"
    arn="arn:aws:sagemaker:$region:123456789012:studio-lifecycle-config/kit-setup"
  else
    arn=$(aws --region "$region" "${create[@]}" --query StudioLifecycleConfigArn --output text)
  fi
  aws_call sagemaker update-domain --domain-id "$domain_id" --default-user-settings \
    "{\"JupyterLabAppSettings\":{\"LifecycleConfigArns\":[\"$arn\"],\"DefaultResourceSpec\":{\"LifecycleConfigArn\":\"$arn\"}}}"
  echo "register: done. New JupyterLab spaces on the default image set the Kit up on start (log: ~/kit-setup.log)."
  exit 0
fi

if [ "$build" = 1 ]; then
  if [ "$dry_run" = 1 ]; then account=123456789012; else account=$(aws sts get-caller-identity --query Account --output text); fi
  registry="$account.dkr.ecr.$region.amazonaws.com"
  image_uri="$registry/$image_name:latest"
  aws_exists ecr describe-repositories --repository-names "$image_name" || aws_call ecr create-repository --repository-name "$image_name"
  if [ "$dry_run" = 1 ]; then
    echo "docker build -f environment/sagemaker-studio/Dockerfile -t $image_uri ."
  else
    aws ecr get-login-password --region "$region" | docker login --username AWS --password-stdin "$registry"
    (cd "$here/../.." && docker build -f environment/sagemaker-studio/Dockerfile -t "$image_uri" .)
    docker push "$image_uri"
  fi
fi

aws_exists sagemaker describe-image --image-name "$image_name" \
  || aws_call sagemaker create-image --image-name "$image_name" --role-arn "$role_arn" --display-name "The Kit (C#, MLA-C01)"
aws_call sagemaker create-image-version --image-name "$image_name" --base-image "$image_uri"
if [ "$dry_run" = 0 ]; then
  echo "register: waiting for the image version to be created"
  for _ in $(seq 60); do
    status=$(aws --region "$region" sagemaker describe-image-version --image-name "$image_name" --query ImageVersionStatus --output text)
    [ "$status" = CREATED ] && break
    [ "$status" = CREATE_FAILED ] && { echo "register: image version failed: $(aws --region "$region" sagemaker describe-image-version --image-name "$image_name" --query FailureReason --output text)" >&2; exit 1; }
    sleep 10
  done
fi
if aws_exists sagemaker describe-app-image-config --app-image-config-name "$config_name"; then
  aws_call sagemaker update-app-image-config --cli-input-json "file://$config_file"
else
  aws_call sagemaker create-app-image-config --cli-input-json "file://$config_file"
fi
custom_images="[{\"ImageName\":\"$image_name\",\"AppImageConfigName\":\"$config_name\"}]"
aws_call sagemaker update-domain --domain-id "$domain_id" \
  --default-user-settings "{\"JupyterLabAppSettings\":{\"CustomImages\":$custom_images}}"
echo "register: done. In Studio: JupyterLab space → Image → '$image_name' → Run space; open kit/notebooks."
